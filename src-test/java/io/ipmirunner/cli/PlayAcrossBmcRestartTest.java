package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.Peers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A play whose BMC (ipmi_sim) is killed and started again, on the same state directory and port, between
 * two tasks: the session all tasks share is gone and ipmi_sim drops its messages without a word, yet the
 * later tasks complete, with default settings (no --timeout, no ipmi_retries), through a fresh login.
 */
@Tag("interop")
class PlayAcrossBmcRestartTest {
    @TempDir
    Path dir;

    @Test
    void laterTasksCompleteAfterTheBmcRestartedBetweenTasks() throws Exception {
        Peers.require("ipmi_sim");
        try (IpmiSim bmc = IpmiSim.builder().build()) {
            Path inventory = Files.writeString(dir.resolve("inventory.yml"), """
                    all:
                      hosts:
                        bmc1:
                          ipmi_host: %s
                          ipmi_port: %d
                          ipmi_user: %s
                          ipmi_password: %s
                    """.formatted(bmc.host(), bmc.port(), bmc.username(), bmc.password()));
            Path playbook = Files.writeString(dir.resolve("restart.yml"), """
                    - name: Across a BMC restart
                      hosts: all
                      tasks:
                        - name: Before the restart
                          mc_info:
                        - name: BMC restarts now
                          pause: {seconds: 6}
                        - name: Chassis after the restart
                          chassis_status:
                        - name: Firmware after the restart
                          mc_info:
                        - name: FRU after the restart
                          fru:
                    """);
            Path runDir = dir.resolve("run");
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("play",
                    playbook.toString(), "-i", inventory.toString(), "--report-dir", runDir.toString(),
                    "--no-progress"));
            awaitTaskStart(runDir.resolve("journal.jsonl"), "BMC restarts now", run);
            bmc.restart();
            CliRun r = run.get(120, TimeUnit.SECONDS);
            assertEquals(0, r.exit(), r + "\n--- ipmi_sim\n" + bmc.simOutput());
            String journal = Files.readString(runDir.resolve("journal.jsonl"));
            assertTrue(journal.contains("FRU after the restart"), journal);
        }
    }

    /** Waits until the run has started {@code task}, i.e. the tasks before it are done. */
    private static void awaitTaskStart(Path journal, String task, CompletableFuture<CliRun> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (run.isDone()) {
                throw new AssertionError("the play ended before '" + task + "': " + run.get());
            }
            if (Files.exists(journal) && Files.readAllLines(journal).stream()
                    .anyMatch(l -> l.contains("\"task_start\"") && l.contains(task))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the play never started '" + task + "'");
    }
}
