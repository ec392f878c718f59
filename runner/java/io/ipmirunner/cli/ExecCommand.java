package io.ipmirunner.cli;

import io.ipmirunner.executor.RetryPolicy;
import io.ipmirunner.executor.RunEvent;
import io.ipmirunner.executor.RunOptions;
import io.ipmirunner.executor.Sleeper;
import io.ipmirunner.executor.TaskGate;
import io.ipmirunner.expr.Expressions;
import io.ipmirunner.inventory.Host;
import io.ipmirunner.inventory.HostPattern;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.inventory.Shard;
import io.ipmirunner.modules.Module;
import io.ipmirunner.modules.ModuleArgumentException;
import io.ipmirunner.modules.Modules;
import io.ipmirunner.playbook.ExtraVars;
import io.ipmirunner.playbook.graph.TaskGraph;
import io.ipmirunner.report.Reports;
import io.ipmirunner.run.HostLists;
import io.ipmirunner.run.OneTaskPlay;
import io.ipmirunner.run.Run;
import io.ipmirunner.run.Targets;
import io.ipmirunner.vault.VaultKeys;
import io.ipmirunner.yaml.InvalidInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code exec PATTERN MODULE [key=value ...]}: one module on many BMCs, now. As Ansible's ad-hoc command, a
 * play of one task run by the playbook runner, so it is journaled, reported, resumable and retryable as a
 * play is; its stdout stays exec's (grouped lines, one line per host, or JSON), the rest goes to stderr.
 */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = "Run one module on the given BMCs, in parallel.")
public final class ExecCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATTERN", description = {
            "with -i: an Ansible host pattern (all, group, a:b, a:&b, a:!b, wildcards, ~regex);",
            "without: hosts, comma-separated, with ranges and ports, e.g. 127.0.1.[1:24] or bmc01,10.0.0.5:6230"})
    String pattern;

    @Parameters(index = "1..*", paramLabel = "MODULE [key=value ...]", description = {
            "the module (listed below) and its arguments; or -m MODULE and key=value arguments or -a"})
    List<String> moduleWords = new ArrayList<>();

    @Option(names = {"-m", "--module-name"}, paramLabel = "MODULE", description = "the module, as Ansible's -m")
    String moduleOption;

    @Option(names = {"-a", "--args"}, paramLabel = "'k=v ...'",
            description = "module arguments in one word, as Ansible's -a (quotes as in a shell)")
    String argsOption;

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS",
            description = "key=value, @FILE or {json} (repeatable): variables for {{ }} in the arguments")
    List<String> extraVars = new ArrayList<>();

    @Mixin
    InventoryOptions inventories;

    @Mixin
    RunDirOptions runs;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    VaultOptions vault;

    // 2000: one engine multiplexes every session, so forks cost a virtual thread each, not a process.
    // Measured on 10,000 simulated BMCs (docs/benchmark.md): 256 at once took 16 s, 1,000 about 4.1 s,
    // 2,000 and 3,000 3.4-3.5 s, 4,000 3.6-3.8 s; 10,000 at once flooded the sockets (8.7 s).
    @Option(names = {"-f", "--forks"}, paramLabel = "N", description = "hosts worked on at once (default 2000)",
            defaultValue = "2000", converter = Ranged.AtLeastOne.class)
    int forks;

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
        Reports.prepare(); // while the command line and inventory are read
        List<String> words = new ArrayList<>(moduleWords);
        if (moduleOption == null && words.isEmpty()) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "exec needs a MODULE after the PATTERN, or -m MODULE");
        }
        String moduleName = moduleOption != null ? moduleOption : words.removeFirst();
        if (argsOption != null) {
            try {
                words.addAll(AdHocArgs.split(argsOption));
            } catch (IllegalArgumentException e) {
                throw new UserError(ExitCodes.BAD_OPTIONS, "-a: " + e.getMessage());
            }
        }
        Map<String, String> args = parseArgs(words);
        validate(moduleName, args);
        Map<String, Object> extra = new LinkedHashMap<>();
        try {
            ExtraVars.parse(extraVars).forEach((k, v) -> extra.put(k, v.toPlain()));
        } catch (InvalidInputException e) {
            return InventoryCommand.printProblems(e);
        }
        VaultKeys keys = vault.keys();
        try {
            Inventory inventory;
            String hostPattern = pattern;
            if (inventories.given()) {
                try {
                    inventory = inventories.load(Optional.empty(), keys);
                } catch (InvalidInputException e) {
                    return InventoryCommand.printProblems(e);
                }
                InventoryCommand.printWarnings(inventory.warnings());
            } else {
                inventory = HostLists.literal(pattern, inventories.maxHosts());
                hostPattern = "all";
            }
            inventory = HostLists.withRetries(inventory, connection.retries);
            ResultPrinter printer = new ResultPrinter(json, !noCollate);
            Optional<HostPattern> limit = runs.limit(inventory, inventories.narrow(inventory,
                    inventories.limitPattern()));
            if (runs.retrying() && limit.isEmpty()) {
                System.err.println(runs.nothingToRetry());
                printer.finish(List.of());
                return ExitCodes.OK;
            }
            List<Host> hosts = Targets.hosts(inventory, hostPattern, limit);
            RunOptions options = new RunOptions(forks, false, Set.of(), Set.of(), extra, Optional.empty(),
                    runs.resume(System.err), Sleeper.REAL, Clock.systemUTC(), RetryPolicy.standard());
            Run.Spec spec = new Run.Spec(TaskGraph.of(OneTaskPlay.of(hostPattern, moduleName, args)), inventory, hosts, limit,
                    options, runs.runDir("exec-" + moduleName), new RunEvent.RunStarted(
                            OneTaskPlay.title(moduleName, args), inventories.given() ? inventories.sources()
                            : List.of(pattern), inventories.limitText(), false, System.getProperty("user.name", ""),
                            inventories.shard().map(Shard::label).orElse(null)),
                    System.err, true);
            Run.Result result = Run.execute(spec, connection.forRun(keys), printer, TaskGate.OPEN);
            printer.finish(hosts.stream().map(Host::name).toList());
            if (Verbosity.level() >= 1) {
                System.err.println("engine: " + result.engine());
            }
            return result.exitCode();
        } finally {
            keys.close();
        }
    }

    /**
     * An unknown module or bad arguments stop exec before any BMC is asked (exit 5), as a playbook's check;
     * arguments with {@code {{ ... }}} (from -e) are checked per host when they are known, as a task's are.
     */
    private static void validate(String moduleName, Map<String, String> args) {
        Module<?> module = Modules.find(moduleName).orElseThrow(() -> new UserError(ExitCodes.BAD_OPTIONS,
                "unknown module '" + moduleName + "' (known: " + String.join(", ", Modules.names()) + ")"));
        if (args.values().stream().anyMatch(Expressions::isTemplate)) {
            return;
        }
        try {
            module.validate(args);
        } catch (ModuleArgumentException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, e.getMessage());
        }
    }

    /** exec --help ends with the modules: there is one list of them, the code's. */
    static void listModules(picocli.CommandLine exec) {
        exec.getCommandSpec().usageMessage().footer("", "Modules: " + String.join(", ", Modules.names())
                + " (docs/operations.md).");
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
}
