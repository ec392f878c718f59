package io.ipmirunner.cli;

import io.ipmirunner.util.BoundedRead;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code play --lock}: one run of a playbook at a time on this machine, for cron and timers (two runs of a
 * reboot playbook must never overlap). An OS file lock ({@code fcntl}) in the temporary directory, named after
 * the playbook's absolute path; the OS drops it when the process ends, however it ends, so no stale lock
 * outlives a crash. Held until the JVM exits.
 */
final class RunLock {
    /**
     * The locks taken, referred to until the JVM exits: a channel nothing refers to is closed by the garbage
     * collector's cleaner, and closing it releases the lock in the middle of the run.
     */
    private static final List<FileLock> HELD = new ArrayList<>();

    private RunLock() {
    }

    static synchronized void acquire(Path playbook) {
        Path file = file(playbook);
        try {
            FileChannel channel = open(file);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException inThisJvm) {
                lock = null; // this process holds it already (a second play in one JVM)
            }
            if (lock == null) {
                channel.close();
                throw new UserError(ExitCodes.ERROR, "another run of " + playbook + " holds " + file
                        + " (--lock): not starting a second one");
            }
            HELD.add(lock); // the process's until it exits: the OS releases it then, however it ends
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UserError(ExitCodes.ERROR, "--lock: cannot lock " + file + ": it is not writable by this user "
                    + "(made by another user's run, owner " + owner(file) + "); remove it when no run of " + playbook
                    + " is going on");
        } catch (IOException e) {
            throw new UserError(ExitCodes.ERROR, "--lock: cannot lock " + BoundedRead.problem(file, e));
        }
    }

    /**
     * The lock file, opened for writing (an exclusive fcntl lock needs it). One machine, one lock per playbook,
     * whoever runs it: the file is made writable by every user, since in the sticky temporary directory another
     * user could not open a file of the first user's otherwise, and their cron job would fail for ever after.
     * An existing file is opened without O_CREAT, which Linux's protected_regular refuses on another user's
     * file there.
     */
    private static FileChannel open(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (java.nio.file.NoSuchFileException absent) {
            try {
                FileChannel made = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                // The umask would leave it writable by its owner alone, whatever the open asked for.
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
                return made;
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                return FileChannel.open(file, StandardOpenOption.WRITE); // another run made it just now
            }
        }
    }

    private static String owner(Path file) {
        try {
            return Files.getOwner(file).getName();
        } catch (IOException | UnsupportedOperationException e) {
            return "unknown";
        }
    }

    static Path file(Path playbook) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(playbook.toAbsolutePath().normalize().toString()
                    .getBytes(StandardCharsets.UTF_8));
            return Path.of(System.getProperty("java.io.tmpdir"), "ipmi-runner-" + playbook.getFileName()
                    + "-" + HexFormat.of().formatHex(d, 0, 6) + ".lock");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
