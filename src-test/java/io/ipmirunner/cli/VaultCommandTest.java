package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.Peers;
import io.ipmirunner.interop.ProcessResult;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipmi-runner vault ...} in-process: every subcommand, both formats, and ansible-vault as the witness. */
class VaultCommandTest {
    private static final String CONTENT = "ipmi_password: Sekr1t-Value\n";
    @TempDir
    Path dir;
    Path pw;
    Path pw2;

    @BeforeEach
    void passwords() throws Exception {
        pw = secretFile("pw", "first-password");
        pw2 = secretFile("pw2", "second-password");
    }

    private Path secretFile(String name, String content) throws Exception {
        Path p = Files.createFile(dir.resolve(name), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        Files.writeString(p, content + "\n");
        return p;
    }

    private static CliRun withStdin(String stdin, String... args) {
        InputStream in = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            return CliRun.of(args);
        } finally {
            System.setIn(in);
        }
    }

    @Test
    void encryptViewDecryptBothFormats() throws Exception {
        for (String format : List.of("native", "ansible")) {
            Path f = dir.resolve(format + ".yml");
            Files.writeString(f, CONTENT);
            CliRun enc = CliRun.of("vault", "encrypt", "--format", format, "--vault-password-file", pw.toString(),
                    f.toString());
            assertEquals(0, enc.exit(), enc.toString());
            String text = Files.readString(f);
            assertTrue(text.startsWith(format.equals("native") ? "$IPMI_RUNNER_VAULT;1;default\n"
                    : "$ANSIBLE_VAULT;1.1;AES256\n"), text);
            assertFalse(text.contains("Sekr1t"));
            CliRun again = CliRun.of("vault", "encrypt", "--vault-password-file", pw.toString(), f.toString());
            assertEquals(ExitCodes.BAD_OPTIONS, again.exit(), "already encrypted: " + again);

            CliRun view = CliRun.of("vault", "view", "--vault-password-file", pw.toString(), f.toString());
            assertEquals(CONTENT, view.out(), view.toString());
            CliRun wrong = CliRun.of("vault", "view", "--vault-password-file", pw2.toString(), f.toString());
            assertEquals(ExitCodes.BAD_OPTIONS, wrong.exit());
            assertEquals(1, wrong.err().lines().count(), "one clear line: " + wrong);

            CliRun dec = CliRun.of("vault", "decrypt", "--vault-password-file", pw.toString(), f.toString());
            assertEquals(0, dec.exit(), dec.toString());
            assertEquals(CONTENT, Files.readString(f));
        }
    }

    @Test
    void rekeyKeepsTheFormatOrChangesIt() throws Exception {
        Path f = dir.resolve("r.yml");
        Files.writeString(f, CONTENT);
        assertEquals(0, CliRun.of("vault", "encrypt", "--format", "ansible", "--vault-id", "prod@" + pw,
                f.toString()).exit());
        CliRun rekey = CliRun.of("vault", "rekey", "--vault-id", "prod@" + pw, "--new-vault-id", "prod@" + pw2,
                f.toString());
        assertEquals(0, rekey.exit(), rekey.toString());
        assertTrue(Files.readString(f).startsWith("$ANSIBLE_VAULT;1.2;AES256;prod\n"));
        assertEquals(ExitCodes.BAD_OPTIONS, CliRun.of("vault", "view", "--vault-password-file", pw.toString(),
                f.toString()).exit(), "the old password no longer opens it");
        CliRun toNative = CliRun.of("vault", "rekey", "--vault-password-file", pw2.toString(),
                "--new-vault-password-file", pw.toString(), "--format", "native", f.toString());
        assertEquals(0, toNative.exit(), toNative.toString());
        assertTrue(Files.readString(f).startsWith("$IPMI_RUNNER_VAULT;1;default\n"));
        assertEquals(CONTENT, CliRun.of("vault", "view", "--vault-password-file", pw.toString(), f.toString()).out());
    }

    @Test
    void encryptStringReadsStdinAndAnsibleVaultOpensIt() throws Exception {
        CliRun r = withStdin("Fleet-Pa55", "vault", "encrypt-string", "--format", "ansible", "--name",
                "ipmi_password", "--vault-password-file", pw.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("ipmi_password: !vault |\n          $ANSIBLE_VAULT;1.1;AES256\n"), r.out());
        Path inv = dir.resolve("host_vars.yml");
        Files.writeString(inv, r.out());
        Peers.require("ansible-vault");
        String envelope = r.out().lines().skip(1).map(String::strip).reduce("", (a, b) -> a + b + "\n");
        Path env = dir.resolve("envelope");
        Files.writeString(env, envelope);
        ProcessResult p = ProcessResult.run(List.of("ansible-vault", "decrypt", "--vault-password-file",
                pw.toString(), "--output", "-", env.toString()), Map.of(), dir, Duration.ofSeconds(60));
        assertEquals("Fleet-Pa55", p.stdout(), p.toString());
        CliRun empty = withStdin("", "vault", "encrypt-string", "--vault-password-file", pw.toString());
        assertEquals(ExitCodes.BAD_OPTIONS, empty.exit());
    }

    @Test
    void checkOpensEveryInlineVaultValueWithTheGivenPasswords() throws Exception {
        CliRun enc = withStdin("Fleet-Pa55", "vault", "encrypt-string", "--name", "ipmi_password",
                "--vault-password-file", pw.toString());
        Path inv = dir.resolve("inv.yml");
        Files.writeString(inv, "all:\n  hosts:\n    n1:\n" + enc.out().replaceAll("(?m)^", "      "));
        Path book = dir.resolve("book.yml");
        Files.writeString(book, "- hosts: all\n  tasks:\n    - mc_info:\n");
        CliRun right = CliRun.of("check", book.toString(), "-i", inv.toString(), "--vault-password-file",
                pw.toString());
        assertEquals(0, right.exit(), right.toString());
        CliRun wrong = CliRun.of("check", book.toString(), "-i", inv.toString(), "--vault-password-file",
                pw2.toString());
        assertEquals(ExitCodes.PARSE_ERROR, wrong.exit(), wrong.toString());
        assertTrue(wrong.err().contains(inv + ":4:22: ipmi-runner vault (vault id default): wrong vault password"),
                wrong.toString());
        CliRun none = CliRun.of("check", book.toString(), "-i", inv.toString());
        assertEquals(0, none.exit(), "without a password inline values are not opened: " + none);
    }

    @Test
    void editUsesAPrivateTempFileAndWipesIt() throws Exception {
        Path f = dir.resolve("e.yml");
        Files.writeString(f, CONTENT);
        assertEquals(0, CliRun.of("vault", "encrypt", "--vault-password-file", pw.toString(), f.toString()).exit());
        Path seen = dir.resolve("seen");
        Path editor = dir.resolve("editor.sh");
        Files.writeString(editor, "#!/bin/sh\nstat -c '%a %n' \"$1\" \"$(dirname \"$1\")\" > " + seen
                + "\necho 'note: edited' >> \"$1\"\n");
        editor.toFile().setExecutable(true);
        CliRun r = CliRun.of("vault", "edit", "--editor", editor.toString(), "--vault-password-file", pw.toString(),
                f.toString());
        assertEquals(0, r.exit(), r.toString());
        List<String> stat = Files.readAllLines(seen);
        assertTrue(stat.get(0).startsWith("600 "), stat.toString());
        assertTrue(stat.get(1).startsWith("700 "), stat.toString());
        Path temp = Path.of(stat.get(0).substring(4));
        assertFalse(Files.exists(temp) || Files.exists(temp.getParent()), "temp file and directory are gone");
        assertTrue(Files.readString(f).startsWith("$IPMI_RUNNER_VAULT;1;default\n"));
        assertEquals(CONTENT + "note: edited\n", CliRun.of("vault", "view", "--vault-password-file", pw.toString(),
                f.toString()).out());

        Path failing = dir.resolve("fail.sh");
        Files.writeString(failing, "#!/bin/sh\necho junk >> \"$1\"\nexit 3\n");
        failing.toFile().setExecutable(true);
        String before = Files.readString(f);
        CliRun bad = CliRun.of("vault", "edit", "--editor", failing.toString(), "--vault-password-file",
                pw.toString(), f.toString());
        assertEquals(ExitCodes.BAD_OPTIONS, bad.exit(), bad.toString());
        assertEquals(before, Files.readString(f), "a failed edit leaves the file alone");
    }
}
