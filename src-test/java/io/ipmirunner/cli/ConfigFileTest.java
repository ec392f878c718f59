package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.config.Environment;
import io.ipmirunner.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** ipmi-runner.cfg and IPMI_RUNNER_* as ansible.cfg and ANSIBLE_*: found in order, overridden, reported. */
class ConfigFileTest {
    private static final String RACK = """
            all:
              vars: {ipmi_simulated: true}
              hosts:
                bmc[1:3]:
            """;
    private static final String PLAYBOOK = """
            - name: read
              hosts: all
              tasks:
                - name: read power
                  power: {state: status}
            """;

    @Test
    void playRunsWithInventoryAndForksFromTheConfigFileAndDumpNamesIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("rack.yml"), RACK);
        Path playbook = Files.writeString(dir.resolve("read.yml"), PLAYBOOK);
        Path cfg = Files.writeString(dir.resolve("ipmi-runner.cfg"), """
                # as ansible.cfg
                [defaults]
                inventory = rack.yml
                forks = 2
                report_dir = runs
                """);
        Environment env = env(dir, Map.of());
        Run r = run(env, "play", playbook.toString());
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.matches("(?s).*bmc3\\s+: ok=1\\s+changed=0\\s+unreachable=0\\s+failed=0.*"), r.toString());
        try (var runs = Files.list(dir.resolve("runs"))) {
            Path run = runs.findFirst().orElseThrow();
            assertTrue(run.getFileName().toString().matches("\\d{8}-\\d{6}-read"), run.toString());
            assertTrue(Files.exists(run.resolve("report.html")), "report_dir, relative to the file, holds the runs");
        }

        Run dump = run(env, "config", "dump");
        assertEquals(0, dump.exit, dump.toString());
        assertTrue(dump.out.startsWith("config file: " + cfg + " (searched: "), dump.out);
        assertTrue(dump.out.contains("\ninventory = " + dir.resolve("rack.yml") + "  (" + cfg + ":3)\n"), dump.out);
        assertTrue(dump.out.contains("\nforks = 2  (" + cfg + ":4)\n"), dump.out);
        assertTrue(dump.out.contains("\nprivilege = admin  (default)\n"), dump.out);
        Run changed = run(env(dir, Map.of("IPMI_RUNNER_TIMEOUT", "5")), "config", "dump", "--only-changed");
        assertTrue(changed.out.contains("\ntimeout = 5  (env IPMI_RUNNER_TIMEOUT)\n"), changed.out);
        assertFalse(changed.out.contains("privilege"), changed.out);
    }

    @Test
    void commandLineWinsOverTheEnvironmentWhichWinsOverTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ipmi-runner.cfg"), "[defaults]\nforks = 7\ndestructive_threshold = 3\n");
        assertEquals(7, forksOfPlay(env(dir, Map.of())));
        assertEquals(9, forksOfPlay(env(dir, Map.of("IPMI_RUNNER_FORKS", "9"))));
        assertEquals(4, forksOfPlay(env(dir, Map.of("IPMI_RUNNER_FORKS", "9")), "-f", "4"));
        PlayCommand play = parsedPlay(env(dir, Map.of()));
        assertEquals(3, play.destructiveThreshold);
        assertEquals(1000, forksOfPlay(env(dir.resolve("elsewhere"), Map.of())), "the option's own default");
    }

    @Test
    void firstFileFoundWins(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path cwd = Files.createDirectories(dir.resolve("work"));
        Files.writeString(home.resolve(".ipmi-runner.cfg"), "[defaults]\nforks = 11\n");
        Environment onlyHome = new Environment(Map.of(), cwd, home);
        assertEquals(11, forksOfPlay(onlyHome));
        Files.writeString(cwd.resolve("ipmi-runner.cfg"), "[defaults]\nforks = 12\n");
        assertEquals(12, forksOfPlay(onlyHome), "./ipmi-runner.cfg before ~/.ipmi-runner.cfg");
        Path named = Files.writeString(dir.resolve("named.cfg"), "[defaults]\nforks = 13\n");
        assertEquals(13, forksOfPlay(new Environment(Map.of("IPMI_RUNNER_CONFIG", named.toString()), cwd, home)));
        Run missing = run(new Environment(Map.of("IPMI_RUNNER_CONFIG", "nope.cfg"), cwd, home), "config", "dump");
        assertEquals(ExitCodes.BAD_OPTIONS, missing.exit);
        assertEquals("ipmi-runner: IPMI_RUNNER_CONFIG names nope.cfg, which is not a file\n", missing.err);
    }

    /** ~ is $HOME, as for Ansible (and for the run directories), not the password database's home. */
    @Test
    void homeIsTheHomeVariable(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path cfg = Files.writeString(home.resolve(".ipmi-runner.cfg"), "[defaults]\ninventory = ~/fleet.yml\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "config", "dump", "--only-changed").directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("IPMI_RUNNER_"));
        pb.environment().put("HOME", home.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "config dump ended");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.startsWith("config file: " + cfg + " (searched: "), out);
        assertTrue(out.contains("\ninventory = " + home.resolve("fleet.yml") + "  (" + cfg + ":2)\n"), out);
    }

    @Test
    void unknownKeysSectionsAndBadValuesAreErrorsAtTheirLine(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("ipmi-runner.cfg");
        Map<String, String> cases = Map.of(
                "[defaults]\n\nforsk = 5\n", ":3: unknown key 'forsk' (known: inventory, forks,",
                "[defaults]\n[ssh_connection]\n", ":2: unknown section '[ssh_connection]' (only [defaults])",
                "forks = 5\n", ":1: 'forks = 5' is outside [defaults]",
                "[defaults]\nforks = 0\n", ":2: forks must be at least 1, got 0",
                "[defaults]\ntimeout = soon\n", ":2: timeout is not a number of seconds: 'soon'",
                "[defaults]\nprivilege = root\n", ":2: privilege must be callback|user|operator|admin, got 'root'",
                "[defaults]\ncipher_suite = 5\n", ":2: cipher_suite 5 is not supported",
                "[defaults]\nforks = 5\nforks = 6\n", ":3: 'forks' is already set at " + cfg + ":2");
        for (var c : cases.entrySet()) {
            Files.writeString(cfg, c.getKey());
            Run r = run(env(dir, Map.of()), "config", "dump");
            assertEquals(ExitCodes.BAD_OPTIONS, r.exit, c.getKey());
            assertTrue(r.err.startsWith("ipmi-runner: " + cfg + c.getValue()), r.err);
            assertEquals(1, r.err.lines().count(), r.err);
        }
        Files.writeString(cfg, "[defaults]\n");
        Run env = run(env(dir, Map.of("IPMI_RUNNER_FORKS", "many")), "config", "dump");
        assertEquals("ipmi-runner: env IPMI_RUNNER_FORKS: forks is not a whole number: 'many'\n", env.err);
    }

    private static Environment env(Path cwd, Map<String, String> vars) {
        return new Environment(vars, cwd, cwd.resolve("no-home"));
    }

    private static PlayCommand parsedPlay(Environment env, String... extra) {
        PlayCommand play = new PlayCommand();
        CommandLine cl = new CommandLine(play);
        cl.setDefaultValueProvider(new ConfigDefaults(Settings.load(env)));
        String[] args = new String[extra.length + 1];
        args[0] = "pb.yml";
        System.arraycopy(extra, 0, args, 1, extra.length);
        cl.parseArgs(args);
        return play;
    }

    private static int forksOfPlay(Environment env, String... extra) {
        return parsedPlay(env, extra).forks;
    }

    private record Run(int exit, String out, String err) {
    }

    private static synchronized Run run(Environment env, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(env, args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
