package io.ipmirunner.cli;

import io.ipmirunner.executor.Resume;
import io.ipmirunner.executor.RetryPolicy;
import io.ipmirunner.executor.RunEvent;
import io.ipmirunner.executor.RunOptions;
import io.ipmirunner.executor.Sleeper;
import io.ipmirunner.executor.TaskGate;
import io.ipmirunner.inventory.HostPattern;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.inventory.Shard;
import io.ipmirunner.playbook.ExtraVars;
import io.ipmirunner.playbook.Playbook;
import io.ipmirunner.playbook.PlaybookCheck;
import io.ipmirunner.playbook.PlaybookParser;
import io.ipmirunner.playbook.graph.GraphCheck;
import io.ipmirunner.playbook.graph.TaskGraph;
import io.ipmirunner.report.Reports;
import io.ipmirunner.run.HostLists;
import io.ipmirunner.run.MetricsFile;
import io.ipmirunner.run.Run;
import io.ipmirunner.run.SimulatedRack;
import io.ipmirunner.run.Targets;
import io.ipmirunner.vault.VaultKeys;
import io.ipmirunner.yaml.InvalidInputException;
import java.nio.file.Path;
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
 * {@code play PLAYBOOK -i INV}: checks the playbook as {@code check} does (exit 4 on a problem), runs it, prints
 * per-task per-host lines and a PLAY RECAP, and journals every event to {@code RUN_DIR/journal.jsonl}.
 * Exit 0, 2 (a host failed), 3 (a host unreachable), 4, 5, or 99 on Ctrl-C, as exec.
 */
@Command(name = "play", mixinStandardHelpOptions = true, description = "Run a playbook against an inventory.")
public final class PlayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAYBOOK")
    Path playbook;

    @Mixin
    InventoryOptions inventories;

    @Option(names = {"-t", "--tags"}, paramLabel = "TAGS", split = ",", description = "only tasks with these tags")
    List<String> tags = new ArrayList<>();

    @Option(names = "--skip-tags", paramLabel = "TAGS", split = ",", description = "no tasks with these tags")
    List<String> skipTags = new ArrayList<>();

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS",
            description = "key=value, @FILE or {json} (repeatable)")
    List<String> extraVars = new ArrayList<>();

    // On 10,000 simulated BMCs (docs/benchmark.md) one power-status task took 13.1 s at 256 hosts at once,
    // 6.2 s at 1,000 (680 MB RSS) and 5.9 s at 2,000: past 1,000 the gain is small and the memory is not.
    @Option(names = {"-f", "--forks"}, paramLabel = "N", defaultValue = "1000", converter = Ranged.AtLeastOne.class,
            description = "hosts at once (default 1000)")
    int forks;

    @Option(names = {"-C", "--check"}, description = "run read-only modules; report what write modules would do")
    boolean check;

    @Option(names = "--start-at-task", paramLabel = "NAME",
            description = "skip the tasks before the first of this name")
    String startAtTask;

    @Option(names = "--max-hosts", paramLabel = "N",
            description = "refuse to act on more hosts than this in a play without --yes (a play's max_hosts too)")
    Integer maxHosts;

    @Option(names = "--yes", description = "act on more hosts than --max-hosts / max_hosts allow, and run "
            + "destructive tasks on more than --destructive-threshold hosts without asking")
    boolean yes;

    @Option(names = "--destructive-threshold", paramLabel = "N", defaultValue = "10", description = "ask before "
            + "destructive tasks (power off/cycle/reset, sel clear, raw) on more hosts than this (default 10)")
    int destructiveThreshold;

    @Option(names = "--step", description = "ask before each task: (N)o/(y)es/(c)ontinue (needs a terminal)")
    boolean step;

    @Mixin
    RunDirOptions runs;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    VaultOptions vault;

    @Option(names = "--list-hosts", description = "print each play's hosts (after --limit) and stop")
    boolean listHosts;

    @Option(names = "--list-tasks", description = "print each play's tasks (after --tags/--skip-tags) and stop")
    boolean listTasks;

    @Option(names = "--list-tags", description = "print the tags each play's tasks carry and stop")
    boolean listTags;

    @Option(names = "--syntax-check", description = "check the playbook as `check` does (exit 0 or 4) and stop")
    boolean syntaxCheck;

    @Option(names = "--lock", description = "refuse to start while another run of this playbook is going on here")
    boolean lock;

    @Option(names = "--output", paramLabel = "FORMAT", description = "text (default) or ndjson: every event as a "
            + "line of JSON on stdout, as journal.jsonl holds them; then nothing else goes to stdout")
    String output = "text";

    @Option(names = "--metrics-file", paramLabel = "PATH", description = "write the results and readings in "
            + "Prometheus' text format to PATH when the run ends (node_exporter's textfile collector)")
    Path metricsFile;

    @Option(names = "--no-progress", description = "plain lines for every host even on a terminal (no status area)")
    boolean noProgress;

    @Option(names = "-v", description = "more output (-vvv: stack traces)")
    boolean[] verbose = new boolean[0];

    /** Who answers --step and confirmations; tests replace it. */
    Operator operator = Operator.console();

    @Override
    public Integer call() throws Exception {
        Verbosity.set(verbose.length);
        Reports.prepare(); // while the command line and inventory are read
        Playbook parsed;
        TaskGraph graph;
        Inventory inventory;
        Optional<HostPattern> limitPattern = inventories.require().limitPattern();
        Map<String, Object> extra = new LinkedHashMap<>();
        VaultKeys keys = vault.keys();
        try {
            parsed = PlaybookParser.parse(playbook, keys);
            inventory = HostLists.withRetries(inventories.load(Optional.ofNullable(playbook.toAbsolutePath()
                    .getParent()), keys), connection.retries);
            InventoryCommand.printWarnings(inventory.warnings());
            limitPattern = inventories.narrow(inventory, limitPattern);
            var extraYaml = ExtraVars.parse(extraVars);
            PlaybookCheck.Result result = PlaybookCheck.run(parsed, inventory, limitPattern, extraYaml);
            // The graph that runs is the one `graph` prints: built once, here, and handed to the runner.
            graph = TaskGraph.of(parsed);
            if (startAtTask != null) {
                GraphCheck.startAt(graph, startAtTask, result.errors());
            }
            InventoryCommand.printWarnings(GraphCheck.warnings(graph));
            if (!result.errors().list().isEmpty()) {
                result.errors().list().forEach(System.err::println);
                return ExitCodes.PARSE_ERROR;
            }
            extraYaml.forEach((k, v) -> extra.put(k, v.toPlain()));
            PlayListing listing = new PlayListing(listHosts, listTasks, listTags);
            if (listing.any()) {
                listing.print(graph, inventory, limitPattern, options(extra, Resume.NONE), System.out);
                return ExitCodes.OK;
            }
            if (syntaxCheck) {
                System.out.println("\nplaybook: " + playbook);
                return ExitCodes.OK;
            }
            blastRadius(parsed, result.hostCounts());
            if (step && !operator.interactive()) {
                throw new UserError(ExitCodes.BAD_OPTIONS, "--step asks before each task: it needs a terminal on "
                        + "stdin");
            }
            // BMCs this process simulates itself (the demo's rack) have no blast radius: nobody to ask.
            boolean simulatedOnly = inventory.select(HostPattern.parse("all"), limitPattern).stream()
                    .allMatch(SimulatedRack::isSimulated);
            DestructiveGuard.check(parsed, result.hostCounts(), destructiveThreshold, yes || simulatedOnly, check,
                    operator);
        } catch (InvalidInputException e) {
            return InventoryCommand.printProblems(e);
        }
        limitPattern = runs.limit(inventory, limitPattern);
        if (runs.retrying() && limitPattern.isEmpty()) {
            System.out.println(runs.nothingToRetry());
            return ExitCodes.OK;
        }
        if (lock) {
            RunLock.acquire(playbook);
        }
        boolean ndjson = switch (output) {
            case "text" -> false;
            case "ndjson" -> true;
            default -> throw new UserError(ExitCodes.BAD_OPTIONS, "--output is text or ndjson, got '" + output + "'");
        };
        Path runDir = runs.runDir(playbook.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        RunOptions options = options(extra, runs.resume(System.out));
        Run.Spec spec = new Run.Spec(graph, inventory, Targets.hosts(inventory, "all", limitPattern), limitPattern,
                options, runDir, new RunEvent.RunStarted(playbook.toString(), inventories.sources(),
                        inventories.limitText(), check, System.getProperty("user.name", ""),
                        inventories.shard().map(Shard::label).orElse(null)), ndjson ? System.err : System.out, false);
        Run.Output out = ndjson ? PlayStreams.ndjson(System.out, Clock.systemUTC())
                : PlayOutput.open(noProgress || step);
        if (metricsFile != null) {
            out = PlayStreams.with(out, new MetricsFile(metricsFile, playbook.getFileName().toString(),
                    Clock.systemUTC()));
        }
        try {
            Run.Result result = Run.execute(spec, connection.forRun(keys), out,
                    step ? new StepGate(operator) : TaskGate.OPEN);
            summary(result);
            return result.exitCode();
        } finally {
            keys.close();
        }
    }

    /** One line on stderr for whoever gets a scheduled run's mail: what happened and the exit code. */
    private void summary(Run.Result result) {
        var recap = result.recap().values();
        long failed = recap.stream().filter(c -> c.failed() > 0).count();
        long unreachable = recap.stream().filter(c -> c.unreachable() > 0 && c.failed() == 0).count();
        System.err.println("ipmi-runner: " + playbook + ": " + recap.size() + " hosts, " + failed + " failed, "
                + unreachable + " unreachable; exit " + result.exitCode());
    }

    private RunOptions options(Map<String, Object> extra, Resume resume) {
        return new RunOptions(forks, check, Set.copyOf(tags), Set.copyOf(skipTags), extra,
                Optional.ofNullable(startAtTask), resume, Sleeper.REAL, Clock.systemUTC(), RetryPolicy.standard());
    }

    /** The blast-radius guard: a play on more hosts than --max-hosts or its max_hosts needs --yes. */
    private void blastRadius(Playbook parsed, List<Integer> hostCounts) {
        for (int i = 0; i < parsed.plays().size() && !yes; i++) {
            var play = parsed.plays().get(i);
            int most = maxHosts != null ? maxHosts : play.policy().maxHosts().orElse(Integer.MAX_VALUE);
            if (hostCounts.get(i) > most) {
                throw new UserError(ExitCodes.BAD_OPTIONS, "play '" + play.displayName() + "' would act on "
                        + hostCounts.get(i) + " hosts, more than the " + most + " allowed (" + (maxHosts != null
                        ? "--max-hosts" : "max_hosts") + "); narrow it with --limit or confirm with --yes");
            }
        }
    }
}
