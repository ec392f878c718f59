package io.ipmirunner.cli;

import io.ipmirunner.secret.Secret;
import io.ipmirunner.util.BoundedRead;
import io.ipmirunner.vault.VaultKeys;
import io.ipmirunner.vault.VaultSecret;
import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Option;

/**
 * Where vault passwords come from, as ansible-playbook takes them: files (an executable one is run and its
 * output used, as Ansible's client scripts), {@code --vault-id ID@SOURCE}, or a prompt without echo. Never
 * from argv. A mixin, so each command that reads inventories or vars files says {@code @Mixin VaultOptions}.
 */
public final class VaultOptions {
    @Option(names = "--vault-password-file", paramLabel = "FILE",
            description = "file holding a vault password (vault id 'default'); repeatable")
    List<Path> passwordFiles = new ArrayList<>();

    @Option(names = "--vault-id", paramLabel = "[ID@]SOURCE", split = ",",
            description = "a vault password and its id; SOURCE is a file or 'prompt'; repeatable or comma-separated")
    List<String> vaultIds = new ArrayList<>();

    @Option(names = {"-J", "--ask-vault-pass", "--ask-vault-password"}, description = "ask for the vault password")
    boolean ask;

    /** The passwords in the order given: --vault-id ones, then files, then the prompt. Empty when none. */
    VaultKeys keys() {
        List<VaultSecret> out = new ArrayList<>();
        for (String spec : vaultIds) {
            int at = spec.indexOf('@');
            String id = at < 0 ? VaultSecret.DEFAULT_ID : spec.substring(0, at);
            String source = at < 0 ? spec : spec.substring(at + 1);
            out.add(secret(id, source.equals("prompt") ? prompt(question(id)) : read(Path.of(source), "--vault-id")));
        }
        passwordFiles.forEach(f -> out.add(secret(VaultSecret.DEFAULT_ID, read(f, "--vault-password-file"))));
        if (ask) {
            out.add(secret(VaultSecret.DEFAULT_ID, prompt(question(VaultSecret.DEFAULT_ID))));
        }
        return new VaultKeys(out);
    }

    static VaultSecret secret(String id, Secret password) {
        try {
            return new VaultSecret(id, password);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, e.getMessage());
        }
    }

    private static String question(String id) {
        return id.equals(VaultSecret.DEFAULT_ID) ? "Vault password: " : "Vault password (" + id + "): ";
    }

    /** Reads a line from the terminal without echo. */
    static Secret prompt(String question) {
        Console console = System.console();
        if (console == null) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "asking '" + question.strip() + "' needs a terminal");
        }
        char[] pw = console.readPassword("%s", question);
        if (pw == null) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "no vault password entered");
        }
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pw));
        Arrays.fill(pw, '\0');
        byte[] bytes = Arrays.copyOf(b.array(), b.limit());
        Arrays.fill(b.array(), (byte) 0);
        return trimmed(bytes, "prompt");
    }

    /** Surrounding white space dropped, as Ansible's FileVaultSecret does. */
    static Secret read(Path file, String option) {
        byte[] raw;
        try {
            raw = Files.isExecutable(file) && !Files.isDirectory(file) ? run(file) : BoundedRead.bytes(file, BoundedRead.SECRET);
        } catch (IOException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, option + ": cannot read " + BoundedRead.problem(file, e));
        }
        return trimmed(raw, "vault password file");
    }

    /** A secret of {@code raw} without surrounding white space; {@code raw} and every copy made are wiped. */
    private static Secret trimmed(byte[] raw, String label) {
        int from = 0;
        int to = raw.length;
        while (from < to && Character.isWhitespace(raw[from])) {
            from++;
        }
        while (to > from && Character.isWhitespace(raw[to - 1])) {
            to--;
        }
        byte[] core = Arrays.copyOfRange(raw, from, to);
        Arrays.fill(raw, (byte) 0);
        Secret s = Secret.of(core, label);
        Arrays.fill(core, (byte) 0);
        return s;
    }

    /** A password script: its standard output is the password; it gets no secret on its command line. */
    private static byte[] run(Path script) throws IOException {
        Process p = new ProcessBuilder(script.toAbsolutePath().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out;
        try (var stdout = p.getInputStream()) {
            out = BoundedRead.bytes(stdout, script + "'s output", BoundedRead.SECRET);
        } catch (IOException e) {
            p.destroyForcibly();
            throw e;
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                Arrays.fill(out, (byte) 0);
                throw new IOException("the password script failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        return out;
    }
}
