package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.util.Json;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** play for cron and timers: --output ndjson, --metrics-file (checked by promtool), --lock, the stderr summary. */
class UnattendedRunTest {
    private static final String RACK = """
            all:
              vars: {ipmi_simulated: true}
              hosts:
                bmc[1:3]:
            """;
    private static final String PLAYBOOK = """
            - name: readings
              hosts: all
              tasks:
                - name: power
                  power: {state: status}
                - name: sensors
                  sensors:
            """;
    /** One sample line of the text format: name, optional labels, a number. */
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*})? -?[0-9.eE+-]+");

    @Test
    void ndjsonOnStdoutMetricsFileAndSummary(@TempDir Path dir) throws Exception {
        Path inv = Files.writeString(dir.resolve("rack.yml"), RACK);
        Path pb = Files.writeString(dir.resolve("readings.yml"), PLAYBOOK);
        Path metrics = dir.resolve("textfile").resolve("ipmi-runner.prom");
        CliRun r = CliRun.of("play", pb.toString(), "-i", inv.toString(), "--output", "ndjson", "--metrics-file",
                metrics.toString(), "--lock", "--report-dir", dir.resolve("run").toString());
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        for (String line : lines) {
            assertTrue(Json.parse(line) instanceof Map, "a JSON object per line: " + line);
        }
        assertTrue(lines.getFirst().contains("\"event\":\"run_start\""), lines.getFirst());
        assertTrue(lines.getLast().contains("\"event\":\"run_end\""), lines.getLast());
        assertEquals(Files.readAllLines(dir.resolve("run").resolve("journal.jsonl")).size(), lines.size(),
                "the journal's events, all of them");
        assertTrue(r.err().contains("report: " + dir.resolve("run").resolve("report.html")), r.err());
        assertTrue(r.err().endsWith("ipmi-runner: " + pb + ": 3 hosts, 0 failed, 0 unreachable; exit 0\n"), r.err());

        String text = Files.readString(metrics);
        assertTrue(text.contains("ipmi_runner_power_on{playbook=\"readings.yml\",host=\"bmc2\"} 0\n"), text);
        assertTrue(text.contains("ipmi_runner_host_tasks{playbook=\"readings.yml\",host=\"bmc1\",status=\"ok\"} 2\n"),
                text);
        assertTrue(text.contains("ipmi_runner_run_exit_code{playbook=\"readings.yml\"} 0\n"), text);
        assertTrue(Pattern.compile("ipmi_runner_sensor_value\\{playbook=\"readings.yml\",host=\"bmc3\",sensor=\"[^\"]+\","
                + "number=\"[0-9]+\",unit=\"[^\"]+\"} [0-9.]+\n").matcher(text).find(), text);
        for (String line : text.lines().toList()) {
            assertTrue(line.startsWith("# HELP ") || line.startsWith("# TYPE ") || SAMPLE.matcher(line).matches(),
                    "a line of the text format: " + line);
        }
        assertTrue(Files.getPosixFilePermissions(metrics).contains(PosixFilePermission.OTHERS_READ),
                "node_exporter, another user, reads it: " + Files.getPosixFilePermissions(metrics));
        assertEquals(List.of("ipmi-runner.prom"), Files.list(metrics.getParent()).map(p -> p.getFileName()
                .toString()).toList(), "the temporary file was renamed");
        promtoolCheck(metrics);
    }

    @Test
    void lockRefusesASecondRunOfThePlaybook(@TempDir Path dir) throws Exception {
        Path inv = Files.writeString(dir.resolve("rack.yml"), RACK);
        Path pb = Files.writeString(dir.resolve("locked.yml"), PLAYBOOK);
        RunLock.acquire(pb);
        CliRun r = CliRun.of("play", pb.toString(), "-i", inv.toString(), "--lock");
        assertEquals(ExitCodes.ERROR, r.exit(), r.toString());
        assertEquals("ipmi-runner: another run of " + pb + " holds " + RunLock.file(pb)
                + " (--lock): not starting a second one\n", r.err());
    }

    /**
     * One lock per playbook on the machine, whoever runs it: the file is writable by every user, and another
     * user's process opens it for writing without creating it (as RunLock does, which protected_regular allows
     * in the sticky temporary directory). Made 0644 by the first user, a second user's cron job failed for ever.
     */
    @Test
    void theLockFileIsSharedByEveryUserOfTheMachine(@TempDir Path dir) throws Exception {
        Path pb = Files.writeString(dir.resolve("shared-lock.yml"), PLAYBOOK);
        Files.deleteIfExists(RunLock.file(pb));
        RunLock.acquire(pb);
        Path file = RunLock.file(pb);
        assertTrue(Files.getPosixFilePermissions(file).containsAll(Set.of(PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.GROUP_WRITE)), "another user opens it for writing: "
                + Files.getPosixFilePermissions(file));
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "switching to another user needs root");
        Process nobody = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--",
                "dd", "of=" + file, "conv=notrunc,nocreat", "count=0", "status=none")
                .redirectErrorStream(true).start();
        String out = new String(nobody.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(nobody.waitFor(30, TimeUnit.SECONDS), "dd ended");
        assertEquals(0, nobody.exitValue(), "user nobody opens the lock file for writing: " + out);
    }

    /**
     * The lock is the process's until it exits, garbage collections included: a run of another process (a
     * second cron job) is refused. A lock nothing referred to was released when the GC closed its channel,
     * and two scheduled runs overlapped.
     */
    @Test
    void lockOutlivesAGarbageCollectionAndRefusesAnotherProcess(@TempDir Path dir) throws Exception {
        Path inv = Files.writeString(dir.resolve("rack.yml"), RACK);
        Path pb = Files.writeString(dir.resolve("locked-gc.yml"), PLAYBOOK);
        RunLock.acquire(pb);
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100); // the cleaner thread closes what the collection found unreachable
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "play", pb.toString(), "-i", inv.toString(), "--lock", "--no-progress",
                "--report-dir", dir.resolve("run").toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectErrorStream(true)
                .start();
        String out = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(other.waitFor(120, TimeUnit.SECONDS), "the other run ended");
        assertEquals(ExitCodes.ERROR, other.exitValue(), out);
        assertTrue(out.contains("another run of " + pb + " holds " + RunLock.file(pb)), out);
    }

    /** Prometheus' own checker where Debian's prometheus package is installed (.ci/run installs it). */
    static void promtoolCheck(Path metrics) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/promtool"))) {
            String message = "promtool is not installed (Debian package 'prometheus')";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        Process p = new ProcessBuilder("/usr/bin/promtool", "check", "metrics").redirectInput(metrics.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool finished");
        assertEquals(0, p.exitValue(), "promtool check metrics: " + out);
    }
}
