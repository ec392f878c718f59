package io.ipmirunner.cli;

import io.ipmirunner.util.BoundedRead;
import io.ipmirunner.vault.VaultFormat;
import io.ipmirunner.vault.VaultKeys;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vault edit FILE}: the plaintext goes to a file only its owner can read (0600, in a 0700 directory, in
 * RAM under /dev/shm where there is one), the editor runs on it, the result is encrypted back in the file's
 * format, and every file in that directory (the editor's swap and backup files too) is overwritten with zeros
 * and deleted. A file that does not exist yet is created.
 */
@Command(name = "edit", mixinStandardHelpOptions = true, description = "Edit an encrypted file in $EDITOR.")
final class VaultEdit implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--editor", paramLabel = "COMMAND", description = "editor command (default $VISUAL, $EDITOR, vi)")
    String editor;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "native",
            description = "for a new file: native (default) or ansible")
    String format;

    @Mixin
    VaultOptions vault;

    @Override
    public Integer call() throws IOException, InterruptedException {
        try (VaultKeys keys = vault.keys()) {
            var key = VaultCommand.encryptionKey(keys);
            boolean exists = Files.exists(file);
            String text = exists ? VaultCommand.readText(file) : "";
            VaultFormat f = exists ? VaultFormat.of(text).orElseThrow(() -> new UserError(ExitCodes.BAD_OPTIONS,
                    file + " is not vault-encrypted")) : VaultCommand.format(format);
            byte[] before = exists ? VaultCommand.decrypt(file, text, keys) : new byte[0];
            Path dir = Files.createTempDirectory(Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm")
                    : Path.of(System.getProperty("java.io.tmpdir")), "ipmi-runner-vault-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            byte[] after = null;
            try {
                Path plain = Files.createFile(dir.resolve(file.getFileName().toString()),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(plain, before);
                int exit = runEditor(plain);
                if (exit != 0) {
                    throw new UserError(ExitCodes.BAD_OPTIONS, "the editor exited with " + exit + "; " + file
                            + " is unchanged");
                }
                after = BoundedRead.bytes(plain, BoundedRead.TEXT);
                if (exists && Arrays.equals(before, after)) {
                    System.err.println(file + ": unchanged");
                } else {
                    VaultCommand.write(file, f.encrypt(after, key));
                }
            } finally {
                Arrays.fill(before, (byte) 0);
                if (after != null) {
                    Arrays.fill(after, (byte) 0);
                }
                wipe(dir);
            }
        }
        return ExitCodes.OK;
    }

    private int runEditor(Path plain) throws IOException, InterruptedException {
        String command = editor != null ? editor : System.getenv("VISUAL") != null ? System.getenv("VISUAL")
                : System.getenv("EDITOR") != null ? System.getenv("EDITOR") : "vi";
        List<String> argv = new ArrayList<>(List.of(command.strip().split("\\s+")));
        argv.add(plain.toString());
        return new ProcessBuilder(argv).inheritIO().start().waitFor();
    }

    /** Zeros over every file the editor left, then the files and the directory go. */
    private static void wipe(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.sorted(java.util.Comparator.reverseOrder()).toList();
        }
        for (Path p : files) {
            if (Files.isRegularFile(p)) {
                try (FileChannel c = FileChannel.open(p, StandardOpenOption.WRITE)) {
                    long size = c.size();
                    java.nio.ByteBuffer zeros = java.nio.ByteBuffer.allocate(8192);
                    for (long written = 0; written < size; ) {
                        zeros.clear().limit((int) Math.min(zeros.capacity(), size - written));
                        written += c.write(zeros, written);
                    }
                    c.force(true);
                }
            }
            Files.delete(p);
        }
    }
}
