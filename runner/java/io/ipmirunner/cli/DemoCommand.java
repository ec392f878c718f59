package io.ipmirunner.cli;

import io.ipmirunner.executor.AdHocRunner;
import io.ipmirunner.executor.HostOutcome;
import io.ipmirunner.inventory.Host;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.inventory.InventoryLoader;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.modules.Module;
import io.ipmirunner.modules.ModuleArgumentException;
import io.ipmirunner.modules.Modules;
import io.ipmirunner.playbook.yaml.InvalidInputException;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: starts the simulated rack of inventory-examples/simulated-rack.yml in this process and runs the
 * bring-up steps that exist today on it
 * (probe every BMC, power on and wait, read power state), then writes the results under reports/out/.
 * The shipped bring-up playbook takes over this command once playbooks run.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the bring-up steps against an embedded simulated rack (no hardware needed).")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY",
            description = "inventory of simulated hosts (default inventory-examples/simulated-rack.yml)")
    String inventory;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "where to write results")
    Path reportDir;

    private record DemoStep(String title, String module, Map<String, String> args) {}

    private static final List<DemoStep> STEPS = List.of(
            new DemoStep("probe BMCs (Get Device ID)", "mc_info", Map.of()),
            new DemoStep("power on and wait", "power", Map.of("state", "on", "wait", "true", "timeout", "30")),
            new DemoStep("read power state", "power", Map.of("state", "status")));

    @Override
    public Integer call() throws Exception {
        Path root = Path.of(System.getProperty("ipmirunner.root", "."));
        String source = inventory != null ? inventory
                : root.resolve("inventory-examples").resolve("simulated-rack.yml").toString();
        Inventory inv;
        try {
            inv = Inventory.load(List.of(source), InventoryLoader.Options.defaults());
        } catch (InvalidInputException e) {
            return InventoryCommand.printProblems(e);
        }
        List<Host> hosts = inv.hosts().values().stream().filter(SimulatedRack::isSimulated).toList();
        if (hosts.isEmpty()) {
            throw new UserError(ExitCodes.BAD_OPTIONS, source + ": no host has " + SimulatedRack.VARIABLE + ": true");
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path out = reportDir != null ? reportDir : root.resolve("reports").resolve("out").resolve(stamp + "-demo");
        Map<String, Object> results = new LinkedHashMap<>();
        int exit = ExitCodes.OK;
        try (SimulatedRack rack = SimulatedRack.start(hosts, SessionConfig.of("admin", Secret.empty()));
             IpmiClient client = IpmiClient.create()) {
            List<BmcTarget> targets = rack.targets();
            System.out.println("demo: simulated rack of " + targets.size() + " BMCs from " + source
                    + " (in this process)");
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
