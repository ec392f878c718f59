package io.ipmirunner.cli;

import io.ipmirunner.executor.Journal;
import io.ipmirunner.executor.JournalReader;
import io.ipmirunner.executor.Logins;
import io.ipmirunner.executor.PlaybookRunner;
import io.ipmirunner.executor.Resume;
import io.ipmirunner.executor.RetryPolicy;
import io.ipmirunner.executor.RunEvent;
import io.ipmirunner.executor.RunOptions;
import io.ipmirunner.executor.Sleeper;
import io.ipmirunner.executor.TaskGate;
import io.ipmirunner.inventory.HostPattern;
import io.ipmirunner.inventory.Host;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.playbook.ExtraVars;
import io.ipmirunner.playbook.Playbook;
import io.ipmirunner.playbook.PlaybookCheck;
import io.ipmirunner.playbook.PlaybookParser;
import io.ipmirunner.playbook.graph.GraphCheck;
import io.ipmirunner.playbook.graph.TaskGraph;
import io.ipmirunner.yaml.Problems;
import io.ipmirunner.yaml.InvalidInputException;
import io.ipmirunner.report.EndOfRun;
import io.ipmirunner.vault.VaultKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    @Parameters(index = "0", paramLabel = "PLAYBOOK")
    Path playbook;

    @Option(names = {"-i", "--inventory"}, paramLabel = "INV", required = true,
            description = "inventory file, directory or comma-separated host list (repeatable)")
    List<String> inventories;

    @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN", description = "only these hosts (@FILE: one per line)")
    String limit;

    @Option(names = {"-t", "--tags"}, paramLabel = "TAGS", split = ",", description = "only tasks with these tags")
    List<String> tags = new ArrayList<>();

    @Option(names = "--skip-tags", paramLabel = "TAGS", split = ",", description = "no tasks with these tags")
    List<String> skipTags = new ArrayList<>();

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS",
            description = "key=value, @FILE or {json} (repeatable)")
    List<String> extraVars = new ArrayList<>();

    // On 10,000 simulated BMCs (docs/benchmark.md) one power-status task took 13.1 s at 256 hosts at once,
    // 6.2 s at 1,000 (680 MB RSS) and 5.9 s at 2,000: past 1,000 the gain is small and the memory is not.
    @Option(names = "--forks", paramLabel = "N", defaultValue = "1000", description = "hosts at once (default 1000)")
    int forks;

    @Option(names = {"-C", "--check"}, description = "run read-only modules; report what write modules would do")
    boolean check;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "run directory for journal.jsonl (default reports/out/TIMESTAMP-PLAYBOOK)")
    Path reportDir;

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

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "continue that run: results in its journal are replayed, not run again")
    Path resumeDir;

    @Option(names = "--retry-failed", paramLabel = "RUN_DIR",
            description = "run again only on the hosts that failed or were unreachable in that run's journal")
    Path retryFailed;

    @Option(names = "--failure-class", paramLabel = "CLASS", split = ",",
            description = "with --retry-failed: only hosts whose failure was of these classes (unreachable, auth, "
                    + "timeout, completion_code, assertion, unsupported, ...)")
    Set<String> failureClasses = new java.util.LinkedHashSet<>();

    @Mixin
    ConnectionOptions connection;

    @Mixin
    VaultOptions vault;

    @Option(names = "--no-progress", description = "plain lines for every host even on a terminal (no status area)")
    boolean noProgress;

    @Option(names = "-v", description = "more output (-vvv: stack traces)")
    boolean[] verbose = new boolean[0];

    /** Who answers --step and confirmations; tests replace it. */
    Operator operator = Operator.console();

    @Override
    public Integer call() throws Exception {
        Verbosity.set(verbose.length);
        Playbook parsed;
        TaskGraph graph;
        Inventory inventory;
        Optional<HostPattern> limitPattern = InventoryCommand.limit(limit);
        Map<String, Object> extra = new LinkedHashMap<>();
        VaultKeys keys = vault.keys();
        try {
            parsed = PlaybookParser.parse(playbook, keys);
            inventory = InventoryCommand.load(inventories, 100_000,
                    Optional.ofNullable(playbook.toAbsolutePath().getParent()), keys);
            InventoryCommand.printWarnings(inventory.warnings());
            var extraYaml = ExtraVars.parse(extraVars);
            PlaybookCheck.Result result = PlaybookCheck.run(parsed, inventory, limitPattern, extraYaml);
            // The graph that runs is the one `graph` prints: built once, here, and handed to the runner.
            graph = TaskGraph.of(parsed);
            if (startAtTask != null) {
                GraphCheck.startAt(graph, startAtTask, result.errors());
            }
            Problems graphWarnings = new Problems();
            GraphCheck.runOnceUnderFree(graph, graphWarnings);
            InventoryCommand.printWarnings(graphWarnings.list());
            if (!result.errors().list().isEmpty()) {
                result.errors().list().forEach(System.err::println);
                return ExitCodes.PARSE_ERROR;
            }
            extraYaml.forEach((k, v) -> extra.put(k, v.toPlain()));
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
        if (retryFailed != null) {
            limitPattern = retryLimit(inventory, limitPattern);
            if (limitPattern.isEmpty()) {
                System.out.println("retry: no host failed in " + retryFailed);
                return ExitCodes.OK;
            }
        } else if (!failureClasses.isEmpty()) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "--failure-class needs --retry-failed RUN_DIR");
        }
        SessionConfig config;
        try {
            config = connection.sessionConfig();
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, e.getMessage());
        }
        List<Host> hosts = InventoryTargets.hosts(inventory, "all", limitPattern);
        InventoryTargets.Selection selection = InventoryTargets.select(hosts, config, connection.port, keys);
        Map<String, BmcTarget> targets = new LinkedHashMap<>();
        selection.targets().forEach(t -> targets.put(t.name(), t));
        Path runDir = resumeDir != null ? resumeDir : reportDir != null ? reportDir
                : Path.of(System.getProperty("ipmirunner.root", "."), "reports", "out",
                        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                                + playbook.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        RunOptions options = new RunOptions(forks, check, Set.copyOf(tags), Set.copyOf(skipTags), extra,
                Optional.ofNullable(startAtTask), resume(), Sleeper.REAL, Clock.systemUTC(), RetryPolicy.standard());
        AtomicBoolean interrupted = new AtomicBoolean();
        IpmiClient client = IpmiClient.create(IpmiClient.Options.defaults().withTiming(connection.timing()));
        Logins logins = new Logins(client, selection.logins());
        CountDownLatch finished = new CountDownLatch(1);
        Map<String, RunEvent.Recap> recap;
        EndOfRun reports = new EndOfRun(runDir, System.out, System.err);
        try (Journal journal = new Journal(runDir, Clock.systemUTC());
             PlayOutput printer = PlayOutput.open(noProgress || step, interrupted)) {
            journal.on(new RunEvent.RunStarted(playbook.toString(), inventories, limit, check,
                    System.getProperty("user.name", "")));
            PlaybookRunner runner = new PlaybookRunner(options, host -> {
                BmcTarget t = targets.get(host);
                if (t.address().isUnresolved()) {
                    throw new IpmiException.Unreachable(host, Phase.PING, 0);
                }
                return logins.open(t);
            }, event -> {
                RunEvent noted = logins.annotate(event);
                journal.on(noted);
                printer.on(noted);
            }, step ? new StepGate(operator) : TaskGate.OPEN);
            // Ctrl-C or SIGTERM: start nothing new and give running tasks a grace period (a half-done power
            // action is worse than a finished one), then close every session (BMCs have few slots), exit 99.
            Thread hook = Thread.ofPlatform().unstarted(() -> {
                System.err.println("ipmi-runner: stopping: no new tasks; running ones get " + STOP_GRACE.toSeconds()
                        + " s to finish");
                runner.stop();
                try {
                    finished.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                interrupted.set(true);
                printer.stop();
                reports.write();
                client.close();
                System.err.println("ipmi-runner: interrupted; sessions closed; journal in " + runDir);
                System.out.flush();
                Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                recap = runner.run(graph, inventory, limitPattern);
            } finally {
                if (!runner.stopped()) {
                    client.close();
                    Runtime.getRuntime().removeShutdownHook(hook);
                }
            }
        } finally {
            reports.write();
            finished.countDown();
            selection.close();
            keys.close();
        }
        System.out.println("journal: " + runDir.resolve("journal.jsonl"));
        boolean failed = recap.values().stream().anyMatch(r -> r.failed() > 0);
        boolean unreachable = recap.values().stream().anyMatch(r -> r.unreachable() > 0);
        return failed ? ExitCodes.HOST_FAILED : unreachable ? ExitCodes.HOST_UNREACHABLE : ExitCodes.OK;
    }

    private Resume resume() {
        if (resumeDir == null) {
            return Resume.NONE;
        }
        try {
            Resume r = Resume.from(resumeDir);
            System.out.println("resume: " + r.size() + " host results from " + resumeDir.resolve("journal.jsonl"));
            return r;
        } catch (java.io.IOException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "--resume: cannot read " + resumeDir.resolve("journal.jsonl")
                    + ": " + e.getMessage());
        }
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

    /** The journal's failed hosts, narrowed by --limit; empty when none is left. */
    private Optional<HostPattern> retryLimit(Inventory inventory, Optional<HostPattern> limit) {
        Set<String> hosts;
        try {
            hosts = new java.util.LinkedHashSet<>(JournalReader.failedHosts(retryFailed,
                    RetryFailed.classes(failureClasses)));
        } catch (java.io.IOException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "--retry-failed: cannot read " + retryFailed
                    .resolve("journal.jsonl") + ": " + e.getMessage());
        }
        limit.ifPresent(l -> hosts.retainAll(l.match(inventory)));
        hosts.retainAll(inventory.hosts().keySet());
        return hosts.isEmpty() ? Optional.empty() : Optional.of(HostPattern.parseLimit(String.join(",", hosts)));
    }
}
