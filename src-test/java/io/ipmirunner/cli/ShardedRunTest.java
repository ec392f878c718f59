package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.SimulatedBmc;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fleet.Addressing;
import io.ipmirunner.sim.fleet.FleetGroup;
import io.ipmirunner.sim.fleet.FleetHost;
import io.ipmirunner.sim.fleet.FleetPlanner;
import io.ipmirunner.sim.lan.LanServices;
import io.ipmirunner.sim.model.UserTable;
import io.ipmirunner.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, the local stand-in for a Kubernetes Indexed Job: 3,000 simulated BMCs in six sites, a play run
 * once whole and once as four shard processes started side by side with {@code JOB_COMPLETION_INDEX} set
 * ({@code --shard auto/4 --shard-by site}); one shard is killed mid-run and started again with the same
 * index and {@code --resume}. The merged report equals the whole run's in hosts, statuses and counts, no
 * site is split, and the power cycle ran once per BMC per run (the simulator counts Chassis Control).
 */
@Tag("slow")
class ShardedRunTest {
    private static final int SITES = 6;
    private static final int PER_SITE = 500;
    private static final int SHARDS = 4;
    private static final String PASSWORD = "shard-test-Pw-9";
    private static final String PLAYBOOK = """
            - name: Cycle
              hosts: all
              tasks:
                - name: status
                  power: {state: status}
                - name: cycle
                  power: {state: cycle}
                - name: identity
                  mc_info:
            """;

    @TempDir
    Path dir;

    @Test
    void fourShardsMakeTheWholeRunsReportAndAResumedShardCyclesNothingTwice() throws Exception {
        var group = new FleetGroup("fleet", SITES * PER_SITE, "generic", BmcSettings.DEFAULTS.withPowerOnDelay(200),
                FaultProfile.NONE, 0);
        var plans = FleetPlanner.plan(List.of(group), new Addressing.BasePort("127.0.0.1", 0),
                UserTable.standard("admin", Secret.of(PASSWORD, "test")), 21);
        try (FleetHost fleet = FleetHost.start(plans, LanServices.seeded(21), 21)) {
            Map<String, String> siteOf = new HashMap<>();
            Path inventory = inventory(fleet, siteOf);
            Path playbook = Files.writeString(dir.resolve("cycle.yml"), PLAYBOOK);

            // The plain split: every host in exactly one shard (no BMC is touched).
            List<String> union = new ArrayList<>();
            for (int k = 1; k <= SHARDS; k++) {
                CliRun r = CliRun.of("inventory", "-i", inventory.toString(), "--list", "--shard", k + "/" + SHARDS);
                assertEquals(0, r.exit(), r.toString());
                union.addAll(hostvars(r.out()));
            }
            assertEquals(siteOf.keySet(), new TreeSet<>(union), "the shards together are the inventory");
            assertEquals(siteOf.size(), union.size(), "no host in two shards");

            Path whole = dir.resolve("whole");
            Path wholeMetrics = dir.resolve("whole.prom");
            Process single = play(playbook, inventory, whole, null, List.of("--metrics-file", wholeMetrics.toString()));
            assertEquals(0, finish(single), log(whole));
            assertEquals(List.of(1), cycles(fleet), "the whole run cycled every BMC once");

            List<Path> runDirs = new ArrayList<>();
            List<Process> shards = new ArrayList<>();
            for (int i = 0; i < SHARDS; i++) {
                runDirs.add(dir.resolve("shard" + i));
                // Shard 0 goes slowly, so that it can be killed in the middle of its power cycles.
                shards.add(play(playbook, inventory, runDirs.get(i), i, i == 0 ? List.of("--forks", "4") : List.of()));
            }
            Path killedJournal = runDirs.getFirst().resolve("journal.jsonl");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (cycleResults(killedJournal).size() < 40 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            shards.getFirst().destroyForcibly().waitFor();
            TreeSet<String> cycledBeforeKill = cycleResults(killedJournal);
            assertTrue(cycledBeforeKill.size() >= 40, "shard 0 got to its power cycles: " + cycledBeforeKill.size());
            shards.set(0, play(playbook, inventory, runDirs.getFirst(), 0, List.of("--resume",
                    runDirs.getFirst().toString())));
            for (int i = 0; i < SHARDS; i++) {
                assertEquals(0, finish(shards.get(i)), log(runDirs.get(i)));
            }

            Map<String, Integer> counts = cyclesByHost(fleet);
            for (String h : cycledBeforeKill) {
                assertEquals(2, counts.get(h), h + " had cycled before the kill: the resumed shard must not cycle it again");
            }
            long twice = counts.values().stream().filter(c -> c != 2).count();
            System.out.printf("sharded run: shard 0 killed after %d power cycles, resumed; BMCs cycled other than "
                    + "once per run: %d%n", cycledBeforeKill.size(), twice);
            assertTrue(twice <= 4, "beyond the (at most 4) cycles in flight at the kill, every BMC cycled once more: "
                    + new TreeMap<>(counts).entrySet().stream().filter(e -> e.getValue() != 2).toList());

            Path merged = dir.resolve("merged");
            List<String> args = new ArrayList<>(List.of("report", "merge"));
            runDirs.forEach(d -> args.add(d.toString()));
            Path mergedMetrics = dir.resolve("merged.prom");
            args.addAll(List.of("--report-dir", merged.toString(), "--metrics-file", mergedMetrics.toString()));
            CliRun m = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, m.exit(), m.toString());
            assertEquals(series(wholeMetrics), series(mergedMetrics), "the merged metrics are the whole run's");
            UnattendedRunTest.promtoolCheck(mergedMetrics);
            Map<String, Object> one = json(whole);
            Map<String, Object> all = json(merged);
            assertEquals(statuses(one), statuses(all), "every host with the same status");
            assertEquals(without(one.get("summary"), "duration_ms"), without(all.get("summary"), "duration_ms"));

            for (String site : new TreeSet<>(siteOf.values())) {
                List<Integer> holding = new ArrayList<>();
                for (int i = 0; i < SHARDS; i++) {
                    if (statuses(json(runDirs.get(i))).keySet().stream().anyMatch(h -> siteOf.get(h).equals(site))) {
                        holding.add(i);
                    }
                }
                assertEquals(1, holding.size(), site + " is split over shards " + holding);
            }
        }
    }

    /** The metrics that do not depend on when the run ran: per-host task counts, power states, hosts, exit. */
    private static TreeSet<String> series(Path prom) throws IOException {
        return Files.readAllLines(prom).stream().filter(l -> l.startsWith("ipmi_runner_host_tasks")
                || l.startsWith("ipmi_runner_power_on") || l.startsWith("ipmi_runner_run_hosts")
                || l.startsWith("ipmi_runner_run_exit_code")).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    private Path inventory(FleetHost fleet, Map<String, String> siteOf) throws IOException {
        StringBuilder b = new StringBuilder("all:\n  vars: {ipmi_user: admin, ipmi_password: " + PASSWORD
                + "}\n  children:\n");
        for (int s = 0; s < SITES; s++) {
            b.append("    site").append(s).append(":\n      vars: {site: s").append(s).append("}\n      hosts:\n");
            for (int i = s * PER_SITE; i < (s + 1) * PER_SITE; i++) {
                String name = String.format("bmc%04d", i);
                siteOf.put(name, "s" + s);
                b.append("        ").append(name).append(": {ipmi_host: 127.0.0.1, ipmi_port: ")
                        .append(fleet.address(i).getPort()).append("}\n");
            }
        }
        return Files.writeString(dir.resolve("inventory.yml"), b);
    }

    /** {@code ipmi-runner play} in a process of its own, as a pod runs it; {@code index} null: not sharded. */
    private Process play(Path playbook, Path inventory, Path runDir, Integer index, List<String> more)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "io.ipmirunner.cli.Main", "play", playbook.toString(), "-i", inventory.toString(), "--yes",
                "--no-progress", "--report-dir", runDir.toString()));
        if (index != null) {
            cmd.addAll(List.of("--shard", "auto/" + SHARDS, "--shard-by", "site"));
        }
        cmd.addAll(more);
        Files.createDirectories(runDir);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(runDir.resolveSibling(runDir.getFileName() + ".log")
                        .toFile()));
        if (index != null) {
            pb.environment().put("JOB_COMPLETION_INDEX", Integer.toString(index));
        }
        return pb.start();
    }

    private static int finish(Process p) throws InterruptedException {
        if (!p.waitFor(4, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static String log(Path runDir) throws IOException {
        Path log = runDir.resolveSibling(runDir.getFileName() + ".log");
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /** The hosts whose power cycle result a journal holds whole. */
    private static TreeSet<String> cycleResults(Path journal) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        if (!Files.exists(journal)) {
            return out;
        }
        for (String line : Files.readAllLines(journal)) {
            if (line.endsWith("}") && line.contains("\"host_result\"") && line.contains("\"task\":\"cycle\"")) {
                out.add(line.replaceAll(".*\"host\":\"([^\"]+)\".*", "$1"));
            }
        }
        return out;
    }

    private static Map<String, Integer> cyclesByHost(FleetHost fleet) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < fleet.size(); i++) {
            out.put(String.format("bmc%04d", i), fleet.inspect(i, SimulatedBmc::chassisControls));
        }
        return out;
    }

    private static List<Integer> cycles(FleetHost fleet) {
        return new TreeSet<>(cyclesByHost(fleet).values()).stream().toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path runDir) throws IOException {
        return (Map<String, Object>) Json.parse(Files.readString(runDir.resolve("report.json")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statuses(Map<String, Object> report) {
        Map<String, Object> out = new TreeMap<>();
        ((Map<String, Object>) report.get("hosts")).forEach((name, h) -> out.put(name,
                ((Map<String, Object>) h).get("status")));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> without(Object map, String key) {
        Map<String, Object> out = new TreeMap<>((Map<String, Object>) map);
        out.remove(key);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> hostvars(String listing) throws IOException {
        var meta = (Map<String, Object>) ((Map<String, Object>) Json.parse(listing)).get("_meta");
        return List.copyOf(((Map<String, Object>) meta.get("hostvars")).keySet());
    }
}
