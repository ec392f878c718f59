package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale run of the executor issue: 1,000 simulated BMCs in their own process ({@code sim}), 5% packet
 * loss, 1% busy answers, one BMC in a hundred dead; the shipped power-cycle playbook must finish with
 * exactly the dead ones failed, each as unreachable. Prints wall time and peak memory.
 */
@Tag("slow")
class BigFleetTest {
    private static final int RACKS = 10;
    private static final int PER_RACK = 100;

    @Test
    void thousandBmcsPowerCycleWithOnlyTheDeadOnesUnreachable(@TempDir Path dir) throws Exception {
        StringBuilder fleet = new StringBuilder("seed: 1\nloss: 0.05\nbusy-rate: 0.01\npower-on-delay: 2000\n"
                + "groups:\n");
        TreeSet<String> dead = new TreeSet<>();
        for (int r = 0; r < RACKS; r++) {
            fleet.append("  - {name: rack").append(r).append(", count: ").append(PER_RACK - 1).append("}\n");
            fleet.append("  - {name: dead").append(r).append(", count: 1, dead: 1.0}\n");
            dead.add(String.format("sim%04d", (r + 1) * PER_RACK));
        }
        Path fleetFile = Files.writeString(dir.resolve("fleet.yml"), fleet);
        Path inventory = dir.resolve("inventory.yml");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.ipmirunner.cli.Main", "sim", "--fleet", fleetFile.toString(), "--addresses",
                "127.46.[0:3].[1:250]", "--write-inventory", inventory.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("IPMI_PASSWORD", "fleet-test-pw");
        Process sim = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(sim.getInputStream(),
                StandardCharsets.UTF_8))) {
            String ready = out.readLine();
            assertTrue(ready != null && ready.startsWith("sim: 1000 BMCs ready"), "sim said: " + ready);
            AtomicLong peakHeap = new AtomicLong();
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                var memory = ManagementFactory.getMemoryMXBean();
                while (!Thread.currentThread().isInterrupted()) {
                    peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            Path runDir = dir.resolve("run");
            CliRun r = CliRun.of("play", Path.of(System.getProperty("ipmirunner.root", "."),
                    "playbooks", "power-cycle-fleet.yml").toString(), "-i", inventory.toString(),
                    "--report-dir", runDir.toString(), "--no-progress", "--yes");
            sampler.interrupt();
            Map<String, String> failures = new TreeMap<>();
            StringBuilder notUnreachable = new StringBuilder();
            for (String line : Files.readAllLines(runDir.resolve("journal.jsonl"))) {
                if (line.contains("\"host_result\"") && line.contains("\"failure_class\"")) {
                    String host = line.replaceAll(".*\"host\":\"([^\"]+)\".*", "$1");
                    String c = line.replaceAll(".*\"failure_class\":\"([^\"]+)\".*", "$1");
                    failures.put(host, c);
                    if (!c.equals("unreachable")) {
                        notUnreachable.append(line).append('\n');
                    }
                }
            }
            assertEquals(ExitCodes.HOST_UNREACHABLE, r.exit(), notUnreachable + tail(r.out()) + r.err());

            assertEquals(dead, failures.keySet(), "failed hosts");
            assertTrue(failures.values().stream().allMatch("unreachable"::equals), failures.toString());
            long cycledOk = r.out().lines().filter(l -> l.matches("sim\\d{4}\\s+: ok=5 .*failed=0 .*")).count();
            assertEquals(RACKS * PER_RACK - dead.size(), cycledOk, tail(r.out()));
            String figures = String.format("1000 BMCs, 5%% loss, 1%% busy, 10 dead: wall %.1f s, peak heap %d MiB, "
                    + "peak RSS (VmHWM, whole test JVM) %d MiB", r.millis() / 1000.0, peakHeap.get() >> 20,
                    vmHwmKib() >> 10);
            System.out.println(figures);
            Files.writeString(Path.of(System.getProperty("ipmirunner.root", "."), "target", "big-fleet.txt"),
                    figures + "\n");
        } finally {
            sim.destroy();
            if (!sim.waitFor(10, TimeUnit.SECONDS)) {
                sim.destroyForcibly();
            }
        }
    }

    private static long vmHwmKib() throws java.io.IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmHWM:")) {
                return Long.parseLong(l.replaceAll("\\D", ""));
            }
        }
        return 0;
    }

    private static String tail(String out) {
        List<String> lines = out.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
