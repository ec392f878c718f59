package io.ipmirunner.cli;

import io.ipmirunner.util.BoundedRead;
import io.ipmirunner.secret.DecryptionException;
import io.ipmirunner.vault.VaultFormat;
import io.ipmirunner.vault.VaultKeys;
import io.ipmirunner.vault.VaultSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vault encrypt|decrypt|view|edit|rekey|encrypt-string}: ansible-vault's commands, for both formats.
 * New text is native unless {@code --format ansible}; existing files keep their format when rewritten.
 */
@Command(name = "vault", mixinStandardHelpOptions = true, description = "Encrypt and decrypt secrets and files.",
        subcommands = {VaultCommand.Encrypt.class, VaultCommand.Decrypt.class, VaultCommand.View.class,
                VaultEdit.class, VaultCommand.Rekey.class, VaultEncryptString.class})
public final class VaultCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
        throw new UserError(ExitCodes.BAD_OPTIONS, "vault needs a command: encrypt, decrypt, view, edit, rekey, "
                + "encrypt-string");
    }

    @Command(name = "encrypt", mixinStandardHelpOptions = true, description = "Encrypt files in place (or to --output).")
    static final class Encrypt implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files;

        @Option(names = "--output", paramLabel = "FILE", description = "write here instead ('-': standard output)")
        Path output;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "native",
                description = "native (Argon2id + AES-256-GCM, default) or ansible (Ansible Vault 1.1/1.2)")
        String format;

        @Mixin
        VaultOptions vault;

        @Override
        public Integer call() {
            VaultFormat f = format(format);
            oneFileWithOutput(files, output);
            try (VaultKeys keys = vault.keys()) {
                VaultSecret key = encryptionKey(keys);
                for (Path file : files) {
                    byte[] plain = read(file);
                    try {
                        if (VaultFormat.of(new String(plain, 0, Math.min(plain.length, 32), StandardCharsets.US_ASCII))
                                .isPresent()) {
                            throw new UserError(ExitCodes.BAD_OPTIONS, file + " is already encrypted");
                        }
                        write(output != null ? output : file, f.encrypt(plain, key));
                    } finally {
                        Arrays.fill(plain, (byte) 0);
                    }
                }
                System.err.println("Encryption successful");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true, description = "Decrypt files in place (or to --output).")
    static final class Decrypt implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files;

        @Option(names = "--output", paramLabel = "FILE", description = "write here instead ('-': standard output)")
        Path output;

        @Mixin
        VaultOptions vault;

        @Override
        public Integer call() {
            oneFileWithOutput(files, output);
            try (VaultKeys keys = vault.keys()) {
                for (Path file : files) {
                    byte[] plain = open(file, keys);
                    try {
                        write(output != null ? output : file, plain);
                    } finally {
                        Arrays.fill(plain, (byte) 0);
                    }
                }
                if (output == null || !output.toString().equals("-")) {
                    System.err.println("Decryption successful");
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "view", mixinStandardHelpOptions = true, description = "Print decrypted files.")
    static final class View implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files;

        @Mixin
        VaultOptions vault;

        @Override
        public Integer call() {
            try (VaultKeys keys = vault.keys()) {
                for (Path file : files) {
                    byte[] plain = open(file, keys);
                    System.out.write(plain, 0, plain.length);
                    System.out.flush();
                    Arrays.fill(plain, (byte) 0);
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "rekey", mixinStandardHelpOptions = true,
            description = "Encrypt files again with a new password (and optionally another format).")
    static final class Rekey implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files;

        @Option(names = "--new-vault-password-file", paramLabel = "FILE", description = "the new password")
        Path newPasswordFile;

        @Option(names = "--new-vault-id", paramLabel = "[ID@]SOURCE", description = "the new password and its id")
        String newVaultId;

        @Option(names = "--format", paramLabel = "FORMAT",
                description = "native or ansible (default: each file keeps its format)")
        String format;

        @Mixin
        VaultOptions vault;

        @Override
        public Integer call() {
            VaultOptions next = new VaultOptions();
            if (newPasswordFile != null) {
                next.passwordFiles = List.of(newPasswordFile);
            } else if (newVaultId != null) {
                next.vaultIds = List.of(newVaultId);
            } else {
                next.ask = true;
            }
            try (VaultKeys keys = vault.keys(); VaultKeys newKeys = next.keys()) {
                VaultSecret key = encryptionKey(newKeys);
                for (Path file : files) {
                    String text = readText(file);
                    VaultFormat f = format != null ? format(format) : VaultFormat.of(text).orElseThrow();
                    byte[] plain = decrypt(file, text, keys);
                    try {
                        write(file, f.encrypt(plain, key));
                    } finally {
                        Arrays.fill(plain, (byte) 0);
                    }
                }
                System.err.println("Rekey successful");
            }
            return ExitCodes.OK;
        }
    }

    private static void oneFileWithOutput(List<Path> files, Path output) {
        if (output != null && files.size() > 1) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "--output takes one input file, not " + files.size());
        }
    }

    static VaultFormat format(String name) {
        try {
            return VaultFormat.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, e.getMessage());
        }
    }

    static VaultSecret encryptionKey(VaultKeys keys) {
        try {
            return keys.forEncryption();
        } catch (DecryptionException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, e.getMessage());
        }
    }

    static byte[] open(Path file, VaultKeys keys) {
        return decrypt(file, readText(file), keys);
    }

    static byte[] decrypt(Path file, String text, VaultKeys keys) {
        if (VaultFormat.of(text).isEmpty()) {
            throw new UserError(ExitCodes.BAD_OPTIONS, file + " is not vault-encrypted");
        }
        try {
            return keys.decrypt(text);
        } catch (DecryptionException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, file + ": " + e.getMessage());
        }
    }

    static String readText(Path file) {
        return new String(read(file), StandardCharsets.UTF_8);
    }

    static byte[] read(Path file) {
        try {
            return file.toString().equals("-") ? BoundedRead.bytes(System.in, "standard input", BoundedRead.TEXT)
                    : BoundedRead.bytes(file, BoundedRead.TEXT);
        } catch (IOException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "cannot read " + BoundedRead.problem(file, e));
        }
    }

    static void write(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replaces {@code file} at once (a temporary file beside it, then a rename) so a crash leaves the old file or
     * the new one; the new file keeps the old one's permissions, and a new file gets 0600.
     */
    static void write(Path file, byte[] content) {
        if (file.toString().equals("-")) {
            System.out.write(content, 0, content.length);
            System.out.flush();
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            Set<PosixFilePermission> mode = Files.exists(file) ? Files.getPosixFilePermissions(file)
                    : PosixFilePermissions.fromString("rw-------");
            Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(tmp, content);
                Files.setPosixFilePermissions(tmp, mode);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "cannot write " + file + ": " + e.getMessage());
        }
    }
}
