package io.ipmirunner.cli;

import io.ipmirunner.executor.AdHocRunner;
import io.ipmirunner.executor.FailureClass;
import io.ipmirunner.executor.HostOutcome;
import io.ipmirunner.executor.Logins;
import io.ipmirunner.inventory.Host;
import io.ipmirunner.inventory.HostSpec;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.inventory.InventoryLoader;
import io.ipmirunner.yaml.InvalidInputException;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.modules.HostBoundModule;
import io.ipmirunner.modules.Module;
import io.ipmirunner.modules.ModuleArgumentException;
import io.ipmirunner.modules.Modules;
import io.ipmirunner.vault.VaultKeys;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code exec PATTERN MODULE [key=value ...]}: one module on many BMCs, now. */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = "Run one module on the given BMCs, in parallel.")
public final class ExecCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATTERN", description = {
            "with -i: an Ansible host pattern (all, group, a:b, a:&b, a:!b, wildcards, ~regex);",
            "without: hosts, comma-separated, with ranges and ports, e.g. 127.0.1.[1:24] or bmc01,10.0.0.5:6230"})
    String pattern;

    @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY",
            description = "inventory file, directory or host list (repeatable)")
    List<String> inventories = new ArrayList<>();

    @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN", description = "only these hosts (@FILE: one per line)")
    String limit;

    @Parameters(index = "1", paramLabel = "MODULE", description = "module: power, mc_info")
    String moduleName;

    @Parameters(index = "2..*", paramLabel = "key=value", description = "module arguments")
    List<String> moduleArgs = new ArrayList<>();

    @Mixin
    ConnectionOptions connection;

    @Mixin
    VaultOptions vault;

    // 1000: one engine multiplexes every session, so forks cost a virtual thread each, not a process.
    // Measured on 10,000 simulated BMCs (docs/benchmark.md): 256 at once took 16 s, 1,000 about 4.1 s,
    // 2,000 and 3,000 3.4-3.5 s, 4,000 3.6-3.8 s; 10,000 at once flooded the sockets (8.7 s).
    @Option(names = "--forks", paramLabel = "N", description = "hosts worked on at once (default 2000)",
            defaultValue = "2000")
    int forks;

    @Option(names = "--retries", paramLabel = "N",
            description = "tries again a host that was unreachable or timed out (default 0)", defaultValue = "0")
    int retries;

    @Option(names = "--json", description = "print one JSON object keyed by host")
    boolean json;

    @Option(names = "--no-collate", description = "one line per host as it finishes, instead of hosts with the "
            + "same answer grouped at the end (node[01-40] | OK | state=on)")
    boolean noCollate;

    @Option(names = "-v", description = "more output (-vvv: stack traces)")
    boolean[] verbose = new boolean[0];

    @Override
    public Integer call() throws Exception {
        Verbosity.set(verbose.length);
        Module<?> module = Modules.find(moduleName).orElseThrow(() -> new UserError(ExitCodes.BAD_OPTIONS,
                "unknown module '" + moduleName + "' (known: " + String.join(", ", Modules.names()) + ")"));
        AdHocRunner.Call call;
        try {
            call = prepare(module, parseArgs(moduleArgs));
        } catch (ModuleArgumentException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, e.getMessage());
        }
        SessionConfig config;
        try {
            config = connection.sessionConfig();
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, e.getMessage());
        }
        VaultKeys keys = vault.keys();
        List<BmcTarget> targets = new ArrayList<>();
        List<HostOutcome> unresolved = new ArrayList<>();
        InventoryTargets.Selection selection = null;
        Map<String, Integer> hostRetries = new java.util.HashMap<>();
        if (!inventories.isEmpty()) {
            Inventory inventory;
            try {
                inventory = Inventory.load(inventories, InventoryLoader.Options.defaults().withVault(keys));
            } catch (InvalidInputException e) {
                return InventoryCommand.printProblems(e);
            }
            InventoryCommand.printWarnings(inventory.warnings());
            List<Host> hosts = InventoryTargets.hosts(inventory, pattern, InventoryCommand.limit(limit));
            hosts.forEach(h -> h.bmc().retries().ifPresent(n -> hostRetries.put(h.name(), n)));
            selection = InventoryTargets.select(hosts, config, connection.port, keys);
            targets.addAll(selection.targets());
        } else {
            literalHosts(config, targets);
        }
        targets.removeIf(t -> {
            if (t.address().isUnresolved()) {
                unresolved.add(new HostOutcome(t.name(), HostOutcome.Status.UNREACHABLE, Map.of(),
                        t.name() + ": unreachable: cannot resolve " + t.address().getHostString(), FailureClass.UNREACHABLE, 0));
                return true;
            }
            return false;
        });
        AtomicBoolean interrupted = new AtomicBoolean();
        ResultPrinter printer = new ResultPrinter(json, !noCollate, interrupted);
        unresolved.forEach(printer::onDone);
        IpmiClient client = IpmiClient.create(IpmiClient.Options.defaults().withTiming(connection.timing()));
        // Ctrl-C or SIGTERM: close every session on the BMCs (they have few slots), then exit 99.
        Thread hook = Thread.ofPlatform().unstarted(() -> {
            interrupted.set(true);
            client.close();
            System.err.println("ipmi-runner: interrupted; sessions closed");
            System.out.flush();
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        });
        Runtime.getRuntime().addShutdownHook(hook);
        List<HostOutcome> all = new ArrayList<>(unresolved);
        try {
            Logins logins = new Logins(client, selection == null ? Map.of() : selection.logins());
            all.addAll(new AdHocRunner(logins, forks, t -> hostRetries.getOrDefault(t.name(), retries))
                    .run(targets, call, printer::onDone));
        } finally {
            if (!interrupted.get()) {
                client.close();
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            if (selection != null) {
                selection.close();
            }
            keys.close();
        }
        printer.finish(all);
        if (Verbosity.level() >= 1) {
            System.err.println("engine: " + client.stats());
        }
        return exitCode(all);
    }

    private void literalHosts(SessionConfig config, List<BmcTarget> targets) {
        List<HostSpec> hosts;
        try {
            hosts = HostSpec.parseList(pattern);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, e.getMessage());
        }
        for (HostSpec h : hosts) {
            targets.add(new BmcTarget(h.name(), new InetSocketAddress(h.address(), h.port().orElse(connection.port)),
                    config));
        }
    }

    /** Validates and binds with the module's argument type captured, so it reaches run typed. */
    private static <A> AdHocRunner.Call prepare(Module<A> module, Map<String, String> args)
            throws ModuleArgumentException {
        A validated = module.validate(args);
        // exec has no host variables: only file-named secrets can be bound here.
        A bound = module instanceof HostBoundModule<A> b ? b.bind(validated, Map.of()) : validated;
        return bmc -> module.run(bmc, bound);
    }

    static Map<String, String> parseArgs(List<String> raw) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String a : raw) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new UserError(ExitCodes.BAD_OPTIONS, "module arguments are key=value, got '" + a + "'");
            }
            m.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return m;
    }

    /** 2 when any host failed, else 3 when any was unreachable, else 0. */
    static int exitCode(List<HostOutcome> outcomes) {
        boolean failed = outcomes.stream().anyMatch(o -> o.status() == HostOutcome.Status.FAILED);
        boolean unreachable = outcomes.stream().anyMatch(o -> o.status() == HostOutcome.Status.UNREACHABLE);
        return failed ? ExitCodes.HOST_FAILED : unreachable ? ExitCodes.HOST_UNREACHABLE : ExitCodes.OK;
    }
}
