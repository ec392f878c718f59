package io.ipmirunner.executor;

import io.ipmirunner.inventory.Host;
import io.ipmirunner.inventory.HostPattern;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.inventory.SecretVars;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.playbook.Play;
import io.ipmirunner.playbook.Playbook;
import io.ipmirunner.playbook.RunPolicy;
import io.ipmirunner.playbook.VarsFile;
import io.ipmirunner.playbook.graph.GraphNode;
import io.ipmirunner.playbook.graph.TaskGraph;
import io.ipmirunner.expr.MagicVariables;
import io.ipmirunner.modules.Module;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs a playbook: per play its hosts (minus those that failed in earlier plays) in {@code serial} batches,
 * each through the play's strategy (linear or free). Facts and registered results carry over to later
 * plays; play vars do not.
 * Each host's BMC session is opened on first use and closed when the host is done with the run: after its batch
 * of the last play, or of the play it failed in.
 */
public final class PlaybookRunner {
    private final RunOptions options;
    private final TaskGate gate;
    private final TaskRunner runner;
    private final SessionFactory sessionFactory;
    private final RunListener listener;
    private final Map<String, RunEvent.Recap> recap = new ConcurrentHashMap<>();
    private final Map<String, Bmc> sessions = new ConcurrentHashMap<>();
    /** Each host's latest failed or unreachable status: what a rescue takes off its recap. */
    private final Map<String, RunEvent.Status> lastFailure = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> facts = new HashMap<>();
    private final Set<String> leftRun = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private boolean startFound;

    /** With a gate asked before each task ({@code --step}). */
    public PlaybookRunner(RunOptions options, SessionFactory sessionFactory, RunListener listener, TaskGate gate) {
        this(options, new TaskRunner(options.sleeper(), options.clock(), options.retryPolicy(), options.checkMode()),
                sessionFactory, listener, gate);
    }

    /** With the modules looked up in {@code modules} (a run's, which write into its directory). */
    public PlaybookRunner(RunOptions options, Function<String, Optional<Module<?>>> modules,
                          SessionFactory sessionFactory, RunListener listener, TaskGate gate) {
        this(options, new TaskRunner(new ActionRunner(options.sleeper(), options.clock(), options.checkMode(),
                options.retryPolicy(), modules), options.sleeper(), options.clock(), options.retryPolicy()),
                sessionFactory, listener, gate);
    }

    PlaybookRunner(RunOptions options, TaskRunner runner, SessionFactory sessionFactory, RunListener listener) {
        this(options, runner, sessionFactory, listener, TaskGate.OPEN);
    }

    PlaybookRunner(RunOptions options, TaskRunner runner, SessionFactory sessionFactory, RunListener listener,
                   TaskGate gate) {
        this.gate = gate;
        this.options = options;
        this.runner = runner;
        this.sessionFactory = sessionFactory;
        this.listener = event -> {
            switch (event) {
                case RunEvent.HostResult r -> {
                    recap.merge(r.host(), RunEvent.Recap.ZERO.plus(r), (a, b) -> a.plus(r));
                    if (!r.keepsHost()) {
                        lastFailure.put(r.host(), r.status());
                    }
                }
                case RunEvent.Rescued r -> recap.computeIfPresent(r.host(), (h, c) -> c.rescue(
                        lastFailure.getOrDefault(h, RunEvent.Status.FAILED)));
                default -> { }
            }
            listener.on(event);
        };
    }

    /** Runs every play of the playbook's graph: {@link #run(TaskGraph, Inventory, Optional)}. */
    public Map<String, RunEvent.Recap> run(Playbook playbook, Inventory inventory, Optional<HostPattern> limit)
            throws InterruptedException {
        return run(TaskGraph.of(playbook), inventory, limit);
    }

    /**
     * Runs every play of the graph, each host through it on a cursor; the recap holds every host that was in
     * some play, in first-seen order.
     */
    public Map<String, RunEvent.Recap> run(TaskGraph graph, Inventory inventory, Optional<HostPattern> limit)
            throws InterruptedException {
        StepRunner steps = new StepRunner(graph, new TaskFanout(runner, options, listener, gate), listener);
        LinearStrategy linear = new LinearStrategy(steps);
        FreeStrategy free = new FreeStrategy(steps, options.forks());
        Map<String, RunEvent.Recap> order = new LinkedHashMap<>();
        try {
            for (GraphNode.PlayNode node : graph.plays()) {
                if (stopping.get()) {
                    break;
                }
                Play play = node.play();
                List<Host> hosts = ordered(play, inventory.select(HostPattern.parse(play.hostPattern()), limit)
                        .stream().filter(h -> !leftRun.contains(h.name())).toList());
                hosts.forEach(h -> order.putIfAbsent(h.name(), RunEvent.Recap.ZERO));
                listener.on(new RunEvent.PlayStarted(play.displayName(), hosts.stream().map(Host::name).toList()));
                boolean broken = runPlay(graph, node, hosts, inventory,
                        play.policy().strategy() == RunPolicy.Strategy.FREE ? free : linear);
                listener.on(new RunEvent.PlayEnded(play.displayName()));
                if (broken) {
                    // As Ansible's break_play: a rollout stopped by its fail threshold does not go on with the
                    // next play on the hosts of the batches that never ran.
                    break;
                }
            }
        } finally {
            sessions.values().forEach(Bmc::close);
        }
        order.replaceAll((h, zero) -> recap.getOrDefault(h, zero));
        listener.on(new RunEvent.RunEnded(order));
        return order;
    }

    /**
     * Ctrl-C: no host starts a new task, tasks that run finish (a half-done power action is worse than a
     * finished one), and {@link #run} returns with the recap so far.
     */
    public void stop() {
        stopping.set(true);
    }

    public boolean stopped() {
        return stopping.get();
    }

    /**
     * Runs the play batch by batch; true when it broke off (any_errors_fatal, max_fail_percentage, or a whole
     * batch failed), which ends the playbook.
     */
    private boolean runPlay(TaskGraph graph, GraphNode.PlayNode node, List<Host> hosts, Inventory inventory,
                            Strategy strategy) throws InterruptedException {
        Play play = node.play();
        List<String> all = hosts.stream().map(Host::name).toList();
        // --start-at-task: every batch of the play looks for the task; once a play found it, later plays run whole.
        Optional<String> startAt = startFound ? Optional.empty() : options.startAtTask();
        Set<Integer> startOwners = startAt.map(graph::ownersOfStartTask).orElse(Set.of());
        // What register and set_fact wrote is kept for later plays; after the last play there is none to keep it for.
        boolean lastPlay = node == graph.plays().getLast();
        int from = 0;
        List<Integer> sizes = play.policy().serial().batchSizes(hosts.size());
        for (int b = 0; b < sizes.size(); b++) {
            int size = sizes.get(b);
            List<Host> batchHosts = hosts.subList(from, from + size);
            from += size;
            List<String> batchNames = batchHosts.stream().map(Host::name).toList();
            listener.on(new RunEvent.BatchStarted(play.displayName(), b + 1, sizes.size(), batchNames));
            List<String> playHosts = all.stream().filter(h -> !leftRun.contains(h)).toList();
            var context = new MagicVariables.PlayContext(play.displayName(), all, playHosts, batchNames,
                    inventory.members(), inventory.hostvars(), parentOf(graph.playbook()), inventory.inventoryDir(),
                    options.checkMode());
            Map<String, HostContext> contexts = new LinkedHashMap<>();
            Map<String, Map<String, Object>> initial = new HashMap<>();
            int varsFailed = 0;
            for (Host h : batchHosts) {
                Map<String, Object> vars;
                try {
                    vars = hostVars(h, play, context);
                } catch (PlayVars.Unavailable e) {
                    listener.on(new RunEvent.HostResult(h.name(), "vars_files", play.at().toString(),
                            RunEvent.Status.FAILED, false, 1, java.time.Duration.ZERO, Map.of(), e.getMessage(),
                            FailureClass.VARS_FILES));
                    leftRun.add(h.name());
                    varsFailed++;
                    continue;
                }
                if (!lastPlay) {
                    initial.put(h.name(), Map.copyOf(nonNull(vars)));
                }
                contexts.put(h.name(), new HostContext(h.name(), vars, () -> session(h.name()),
                        h.bmc().retries().orElse(0)));
            }
            List<HostCursor> cursors = contexts.keySet().stream().map(h -> new HostCursor(graph, node, h,
                    t -> options.selects(t.tags()), startAt, startOwners)).toList();
            BatchState batch = new BatchState(play, contexts, cursors, stopping);
            strategy.runBatch(batch);
            startFound |= cursors.stream().anyMatch(HostCursor::started);
            leftRun.addAll(batch.failed());
            // Hosts done with the run let their BMC sessions go now, not at the run's end: a BMC has few
            // session slots, and under serial the first batch's sessions were held until the last batch ended.
            batchNames.stream().filter(h -> lastPlay || leftRun.contains(h)).forEach(this::release);
            if (!lastPlay) {
                contexts.forEach((name, c) -> keepFacts(name, c.vars(), initial.get(name)));
            }
            // A host whose vars_files failed never ran, and failed all the same: it counts toward the whole batch.
            if (batch.aborted() || batch.failed().size() + varsFailed == batchHosts.size()) {
                return !batchHosts.isEmpty();
            }
        }
        return false;
    }

    /** Ansible's {@code order}: the order hosts run, and are cut into batches, in. */
    private static List<Host> ordered(Play play, List<Host> hosts) {
        List<Host> out = new java.util.ArrayList<>(hosts);
        java.util.Comparator<Host> byName = java.util.Comparator.comparing(Host::name);
        switch (play.policy().order()) {
            case INVENTORY -> { }
            case REVERSE_INVENTORY -> java.util.Collections.reverse(out);
            case SORTED -> out.sort(byName);
            case REVERSE_SORTED -> out.sort(byName.reversed());
            case SHUFFLE -> java.util.Collections.shuffle(out);
        }
        return out;
    }

    private Map<String, Object> hostVars(Host h, Play play, MagicVariables.PlayContext context)
            throws PlayVars.Unavailable {
        Map<String, Object> vars = new HashMap<>(h.plainVars());
        Map<String, Object> magic = MagicVariables.forHost(h.name(), h.groupNames(), context);
        if (!play.vars().isEmpty() || !play.varsFiles().isEmpty()) {
            // Play vars are templated with the host's variables and the magic ones in reach.
            Map<String, Object> scope = new HashMap<>(vars);
            scope.putAll(magic);
            PlayVars.apply(play, Path.of(context.playbookDir()), vars, scope);
        }
        vars.putAll(facts.getOrDefault(h.name(), Map.of()));
        vars.putAll(magic);
        vars.putAll(options.extraVars());
        return vars;
    }

    /** What register and set_fact wrote during the play is kept for later plays. */
    private void keepFacts(String host, Map<String, Object> now, Map<String, Object> before) {
        Map<String, Object> kept = facts.computeIfAbsent(host, k -> new HashMap<>());
        now.forEach((k, v) -> {
            if (v != null && !Objects.equals(before.get(k), v)) {
                kept.put(k, v);
            }
        });
    }

    private static Map<String, Object> nonNull(Map<String, Object> vars) {
        Map<String, Object> out = new HashMap<>();
        vars.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Closes the host's session if it has one; a later task delegated to it would log in again. */
    private void release(String host) {
        Bmc s = sessions.remove(host);
        if (s != null) {
            s.close();
        }
    }

    private Bmc session(String host) throws IpmiException, InterruptedException {
        Bmc s = sessions.get(host);
        if (s == null) {
            s = sessionFactory.open(host);
            if (s != null) {
                sessions.put(host, s);
            }
        }
        return s;
    }

    private static String parentOf(String file) {
        Path p = Path.of(file).toAbsolutePath().getParent();
        return p == null ? "" : p.toString();
    }
}
