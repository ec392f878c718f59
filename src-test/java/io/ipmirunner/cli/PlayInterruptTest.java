package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.util.Json;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of a rolling play (a JVM of its own: the shutdown hook is the thing under test):
 * exit 99, and the run directory holds the reports of what ran, with the hosts of later batches not run.
 */
class PlayInterruptTest {
    @Test
    void aStoppedRunStillWritesItsReports(@TempDir Path dir) throws Exception {
        Path inv = Files.writeString(dir.resolve("rack.yml"), """
                all:
                  vars: {ipmi_simulated: true}
                  hosts:
                    bmc[1:6]:
                """);
        Path runDir = dir.resolve("run");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path playbook = Path.of(System.getProperty("ipmirunner.root", "."), "playbooks", "firmware-prep-reboot.yml");
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "io.ipmirunner.cli.Main", "play", playbook.toString(), "-i", inv.toString(), "--report-dir",
                runDir.toString()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile())
                .start();
        try {
            Path journal = runDir.resolve("journal.jsonl");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String firstPowerOn = "\"task\":\"Power on\",\"task_at\"";
            while (!(Files.exists(journal) && Files.readString(journal).contains(firstPowerOn))) {
                assertTrue(System.nanoTime() < deadline && p.isAlive(), "the play never reached its first power-on");
                Thread.sleep(100);
            }
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stopped within the grace period");
        } finally {
            p.destroyForcibly();
        }
        String out = Files.readString(dir.resolve("out.txt"));
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(ExitCodes.INTERRUPTED, p.exitValue(), out + err);
        assertTrue(out.contains("report: " + runDir.resolve("report.html")), out + err);
        assertTrue(err.contains("interrupted; sessions closed"), err);
        Map<?, ?> report = (Map<?, ?>) Json.parse(Files.readString(runDir.resolve("report.json")));
        Map<?, ?> summary = (Map<?, ?>) report.get("summary");
        assertEquals(6, summary.get("hosts"));
        assertTrue((Integer) summary.get("not_run") >= 1, "later batches never started: " + summary);
        assertEquals(0, summary.get("failed"), summary.toString());
        assertTrue(Files.readString(runDir.resolve("report.html")).contains("never ran"));
    }
}
