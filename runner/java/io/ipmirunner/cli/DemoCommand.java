package io.ipmirunner.cli;

import io.ipmirunner.executor.AdHocRunner;
import io.ipmirunner.executor.HostOutcome;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.modules.Module;
import io.ipmirunner.modules.ModuleArgumentException;
import io.ipmirunner.modules.Modules;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fleet.Addressing;
import io.ipmirunner.sim.fleet.FleetGroup;
import io.ipmirunner.sim.fleet.FleetHost;
import io.ipmirunner.sim.fleet.FleetPlanner;
import io.ipmirunner.sim.lan.LanServices;
import io.ipmirunner.sim.model.UserTable;
import io.ipmirunner.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: starts a simulated rack in this process and runs the bring-up steps that exist today on it
 * (probe every BMC, power on and wait, read power state), then writes the results under reports/out/.
 * The shipped bring-up playbook takes over this command once playbooks run.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the bring-up steps against an embedded simulated rack (no hardware needed).")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--count", paramLabel = "N", defaultValue = "24", description = "BMCs in the rack (default 24)")
    int count;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "where to write results")
    Path reportDir;

    private record DemoStep(String title, String module, Map<String, String> args) {}

    private static final List<DemoStep> STEPS = List.of(
            new DemoStep("probe BMCs (Get Device ID)", "mc_info", Map.of()),
            new DemoStep("power on and wait", "power", Map.of("state", "on", "wait", "true", "timeout", "30")),
            new DemoStep("read power state", "power", Map.of("state", "status")));

    @Override
    public Integer call() throws Exception {
        byte[] raw = new byte[8];
        new SecureRandom().nextBytes(raw);
        Secret password = Secret.of(HexFormat.of().formatHex(raw), "demo rack");
        var group = new FleetGroup("rack", count, "mixed", BmcSettings.DEFAULTS.withPowerOnDelay(2000).withInitiallyOn(false),
                FaultProfile.NONE, 0);
        var plans = FleetPlanner.plan(List.of(group), new Addressing.BasePort("127.0.0.1", 0),
                UserTable.standard("admin", password), 1);
        Path out = reportDir != null ? reportDir : Path.of(System.getProperty("ipmirunner.root", "."), "reports",
                "out", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-demo");
        Map<String, Object> results = new LinkedHashMap<>();
        int exit = ExitCodes.OK;
        try (FleetHost rack = FleetHost.start(plans, LanServices.seeded(1), 1);
             IpmiClient client = IpmiClient.create()) {
            System.out.println("demo: simulated rack of " + rack.size() + " BMCs on 127.0.0.1 (in this process)");
            List<BmcTarget> targets = new ArrayList<>();
            SessionConfig login = SessionConfig.of("admin", password);
            for (int i = 0; i < rack.size(); i++) {
                targets.add(new BmcTarget(rack.plan(i).name(), rack.address(i), login));
            }
            AdHocRunner runner = new AdHocRunner(client, 256, 0);
            for (DemoStep step : STEPS) {
                Module m = Modules.find(step.module()).orElseThrow();
                long t0 = System.nanoTime();
                List<HostOutcome> outcomes = runner.run(targets, m, validate(m, step.args()), o -> { });
                results.put(step.title(), ResultPrinter.byHost(outcomes));
                System.out.printf("  %-28s %s in %d ms%n", step.title(), tally(outcomes),
                        (System.nanoTime() - t0) / 1_000_000);
                exit = Math.max(exit, ExecCommand.exitCode(outcomes));
            }
        }
        Files.createDirectories(out);
        Path file = out.resolve("results.json");
        Files.writeString(file, Json.pretty(results) + "\n");
        System.out.println("demo: results in " + file);
        return exit;
    }

    private static Object validate(Module m, Map<String, String> args) {
        try {
            return m.validate(args);
        } catch (ModuleArgumentException e) {
            throw new IllegalStateException("demo step arguments are wrong: " + e.getMessage(), e);
        }
    }

    private static String tally(List<HostOutcome> outcomes) {
        Map<String, Integer> n = new LinkedHashMap<>();
        for (HostOutcome o : outcomes) {
            n.merge(o.status().label(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        n.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(v).append(' ').append(k));
        return sb.toString();
    }
}
