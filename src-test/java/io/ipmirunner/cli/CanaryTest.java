package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.secret.Secret;
import io.ipmirunner.vault.AnsibleVault;
import io.ipmirunner.vault.NativeVault;
import io.ipmirunner.vault.VaultSecret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets that must never be seen: every command runs with {@code -vvv} where it takes it, with logins that fail
 * (wrong passwords against simulated BMCs) and tasks that fail, and then stdout, stderr, the run directories
 * (journal and every report file) and the command lines of every process on the machine are searched for each
 * canary, as text, hex and base64.
 */
class CanaryTest {
    /** Plain in the inventory, wrong for the BMC. */
    private static final String PLAIN = "Canary-Plain-4Q7x";
    /** Inline !vault in the native format, wrong for the BMC. */
    private static final String NATIVE = "Canary-Native-8Zp2";
    /** Inline !vault in Ansible's format with a vault id, wrong for the BMC. */
    private static final String ANSIBLE = "Canary-Ansible-3Kd";
    /** In a vault-encrypted group_vars file and a vault-encrypted vars_files file. */
    private static final String FILED = "Canary-Filed-9Wm1";
    /** The vault password itself. */
    private static final String VAULT = "Canary-VaultPw-6Tn";
    /** The separate simulator's password, and a wrong one given to it. */
    private static final String SIM = "Canary-SimPw-2Hx";
    private static final String WRONG = "Canary-Wrong-5Rb";
    private static final List<String> CANARIES = List.of(PLAIN, NATIVE, ANSIBLE, FILED, VAULT, SIM, WRONG);
    private static final NativeVault.Params CHEAP = new NativeVault.Params(1024, 1, 1);

    @TempDir
    Path dir;
    private final List<String> seen = new ArrayList<>();
    private final Set<String> cmdlineHits = ConcurrentHashMap.newKeySet();

    private Path secretFile(String name, String content) throws IOException {
        Path p = Files.createFile(dir.resolve(name), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        Files.writeString(p, content + "\n");
        return p;
    }

    private static VaultSecret key(String id) {
        return new VaultSecret(id, Secret.of(VAULT, "test"));
    }

    private static String inline(String vaulttext, int indent) {
        return "!vault |\n" + vaulttext.lines().map(l -> " ".repeat(indent) + l + "\n").reduce("", String::concat);
    }

    private CliRun run(String... args) {
        CliRun r = CliRun.of(args);
        seen.add(String.join(" ", args) + "\n" + r.out() + "\n" + r.err());
        return r;
    }

    @Test
    void noCanaryAnywhere() throws Exception {
        Thread watcher = Thread.ofPlatform().daemon().start(this::watchCommandLines);
        try {
            everyCommand();
        } finally {
            watcher.interrupt();
            watcher.join();
        }
        for (Path p : filesUnder(dir.resolve("runs"))) {
            seen.add(p + "\n" + new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
        }
        List<String> hits = new ArrayList<>(cmdlineHits);
        for (String text : seen) {
            for (String canary : CANARIES) {
                for (String form : forms(canary)) {
                    if (text.contains(form)) {
                        hits.add(form + " (" + canary + ") in:\n" + text);
                    }
                }
            }
        }
        assertEquals(List.of(), hits);
    }

    private void everyCommand() throws Exception {
        Path vaultPw = secretFile("vault-pw", VAULT);
        Path vaultScript = dir.resolve("vault-pw.sh");
        Files.writeString(vaultScript, "#!/bin/sh\ncat '" + vaultPw + "'\n");
        Files.setPosixFilePermissions(vaultScript, PosixFilePermissions.fromString("rwx------"));
        Path inv = Files.createDirectories(dir.resolve("inv"));
        Files.writeString(inv.resolve("hosts.yml"), "all:\n  vars: {ipmi_simulated: true, ipmi_user: admin}\n"
                + "  hosts:\n    good-bmc: {}\n    wrong-plain: {ipmi_password: " + PLAIN + "}\n"
                + "    wrong-native:\n      ipmi_password: " + inline(NativeVault.encrypt(bytes(NATIVE),
                key("default"), CHEAP), 8) + "    wrong-ansible:\n      ipmi_password: "
                + inline(AnsibleVault.encrypt(bytes(ANSIBLE), key("prod")), 8)
                + "    listed:\n      ipmi_credentials:\n        - label: fleet\n          password: "
                + inline(NativeVault.encrypt(bytes(NATIVE), key("default"), CHEAP), 12)
                + "        - label: vendor\n          password: " + PLAIN + "\n        - label: factory\n");
        Files.createDirectories(inv.resolve("group_vars"));
        Files.writeString(inv.resolve("group_vars/all.yml"), NativeVault.encrypt(bytes("bmc_admin_password: " + FILED
                + "\nsnmp_secret: " + FILED + "\n"), key("default"), CHEAP));
        Files.writeString(dir.resolve("vault-vars.yml"), AnsibleVault.encrypt(bytes("db_password: " + FILED + "\n"),
                key("prod")));
        Path playbook = dir.resolve("canary.yml");
        Files.writeString(playbook, """
                - name: canary
                  hosts: all
                  vars_files: [vault-vars.yml]
                  tasks:
                    - name: probe
                      mc_info:
                    - name: show
                      debug: {msg: "g {{ bmc_admin_password }} s {{ snmp_secret }} f {{ db_password }}"}
                    - name: fail on purpose
                      fail: {msg: "failing with {{ bmc_admin_password }} and {{ db_password }}"}
                """);
        String[] vault = {"--vault-password-file", vaultPw.toString(), "--vault-id", "prod@" + vaultScript};
        String i = inv.toString();
        run(concat(new String[] {"inventory", "-i", i, "--list"}, vault));
        run(concat(new String[] {"inventory", "-i", i, "--host", "listed"}, vault));
        run(concat(new String[] {"inventory", "-i", i, "--graph", "--vars"}, vault));
        run(concat(new String[] {"check", playbook.toString(), "-i", i}, vault));
        run(concat(new String[] {"graph", playbook.toString(), "-i", i}, vault));
        CliRun play = run(concat(new String[] {"play", playbook.toString(), "-i", i, "-vvv", "--timeout", "3",
                "--report-dir", dir.resolve("runs/play").toString()}, vault));
        assertEquals(ExitCodes.HOST_FAILED, play.exit(), play.toString());
        assertTrue(Files.readString(dir.resolve("runs/play/journal.jsonl")).contains("\"credential\":\"factory\""),
                "the third credential of the list worked: " + play);
        assertTrue(play.out().contains("failing with"), "the failing task ran: " + play);
        CliRun exec = run(concat(new String[] {"exec", "all", "mc_info", "-i", i, "-vvv", "--timeout", "3"}, vault));
        assertEquals(ExitCodes.HOST_FAILED, exec.exit(), exec.toString());
        run(concat(new String[] {"exec", "all", "power", "-i", i, "-vvv", "--json", "--timeout", "3"}, vault));
        Path plainInv = dir.resolve("plain.yml");
        Files.writeString(plainInv, "all:\n  vars: {ipmi_simulated: true, ipmi_user: admin}\n  hosts:\n"
                + "    demo-good: {}\n    demo-wrong: {ipmi_password: " + PLAIN + "}\n");
        Path demoBook = dir.resolve("demo.yml");
        Files.writeString(demoBook, "- hosts: all\n  vars: {site_password: " + PLAIN + "}\n  tasks:\n    - mc_info:\n"
                + "    - fail: {msg: \"{{ site_password }}\"}\n");
        run("demo", "-i", plainInv.toString(), "--playbook", demoBook.toString(), "--report-dir",
                dir.resolve("runs/demo").toString());
        simulatorCommands();
        vaultCommands(vaultPw, vaultScript);
    }

    /** {@code sim} in a child process (its command line is watched too), then exec against it. */
    private void simulatorCommands() throws Exception {
        Path simPw = secretFile("sim-pw", SIM);
        Path wrongPw = secretFile("wrong-pw", WRONG);
        Path simInv = dir.resolve("sim-inventory.yml");
        Path simOut = dir.resolve("sim.out");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process sim = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "sim", "--addresses", "127.43.77.[1:2]", "--port", "6231", "--password-file", simPw.toString(),
                "--write-inventory", simInv.toString()).redirectErrorStream(true).redirectOutput(simOut.toFile())
                .start();
        try {
            for (int tries = 0; tries < 600 && !Files.readString(simOut).contains("ready"); tries++) {
                Thread.sleep(50);
            }
            String ready = Files.readString(simOut);
            CliRun wrong = run("exec", "127.43.77.[1:2]:6231", "power", "-u", "admin", "--password-file",
                    wrongPw.toString(), "-vvv", "--timeout", "3");
            assertEquals(ExitCodes.HOST_FAILED, wrong.exit(), ready + wrong);
            CliRun right = run("exec", "all", "power", "-i", simInv.toString(), "-vvv", "--timeout", "3");
            assertEquals(ExitCodes.OK, right.exit(), right.toString());
        } finally {
            sim.destroy();
            sim.waitFor();
            seen.add("sim\n" + Files.readString(simOut));
        }
    }

    private void vaultCommands(Path vaultPw, Path vaultScript) throws Exception {
        Path f = dir.resolve("notes.yml");
        Files.writeString(f, "nothing secret here\n");
        String pw = vaultPw.toString();
        run("vault", "encrypt", "--vault-password-file", pw, f.toString());
        run("vault", "view", "--vault-id", "x@" + vaultScript, f.toString());
        run("vault", "view", "--vault-password-file", secretFile("wrong-vault-pw", WRONG).toString(), f.toString());
        Path editor = dir.resolve("editor.sh");
        Files.writeString(editor, "#!/bin/sh\nsleep 0.3\necho more >> \"$1\"\n");
        Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));
        run("vault", "edit", "--editor", editor.toString(), "--vault-password-file", pw, f.toString());
        run("vault", "rekey", "--vault-password-file", pw, "--new-vault-id", "x@" + vaultScript, "--format",
                "ansible", f.toString());
        run("vault", "decrypt", "--vault-password-file", pw, f.toString());
        InputStream in = System.in;
        try {
            System.setIn(new ByteArrayInputStream(bytes(FILED)));
            run("vault", "encrypt-string", "--name", "x", "--vault-password-file", pw);
        } finally {
            System.setIn(in);
        }
    }

    /** Every process's argv, sampled until interrupted. */
    private void watchCommandLines() {
        while (!Thread.currentThread().isInterrupted()) {
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                    String argv;
                    try {
                        argv = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.ISO_8859_1);
                    } catch (IOException gone) {
                        continue;
                    }
                    for (String c : CANARIES) {
                        for (String form : forms(c)) {
                            if (argv.contains(form)) {
                                cmdlineHits.add(form + " in the command line of pid " + p.getFileName() + ": " + argv);
                            }
                        }
                    }
                }
                Thread.sleep(20);
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The canary as written, in hex both cases, and in base64 at each of the three byte alignments. */
    static List<String> forms(String canary) {
        byte[] b = bytes(canary);
        List<String> out = new ArrayList<>(List.of(canary, HexFormat.of().formatHex(b),
                HexFormat.of().withUpperCase().formatHex(b)));
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[shift + b.length];
            System.arraycopy(b, 0, shifted, shift, b.length);
            String enc = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            int from = (shift * 4 + 2) / 3 + 1;
            out.add(enc.substring(from, enc.length() - 3));
        }
        return out;
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
