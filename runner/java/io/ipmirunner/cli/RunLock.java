package io.ipmirunner.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code play --lock}: one run of a playbook at a time on this machine, for cron and timers (two runs of a
 * reboot playbook must never overlap). An OS file lock ({@code fcntl}) in the temporary directory, named after
 * the playbook's absolute path; the OS drops it when the process ends, however it ends, so no stale lock
 * outlives a crash. Held until the JVM exits.
 */
final class RunLock {
    private RunLock() {
    }

    static void acquire(Path playbook) {
        Path file = file(playbook);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException held) {
                lock = null; // this process holds it already (a second play in one JVM)
            }
            if (lock == null) {
                channel.close();
                throw new UserError(ExitCodes.ERROR, "another run of " + playbook + " holds " + file
                        + " (--lock): not starting a second one");
            }
            // Kept for the life of the process: the lock is the process's, released by the OS at exit.
        } catch (IOException e) {
            throw new UserError(ExitCodes.ERROR, "--lock: cannot lock " + file + ": " + e.getMessage());
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
