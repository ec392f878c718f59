package io.ipmirunner.cli;

import io.ipmirunner.executor.RunEvent;
import io.ipmirunner.executor.RunListener;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live view's model, gathered from run events: the play and its {@code serial} batch, per task of the
 * batch how many hosts are done and how, which hosts it still waits for, and the tasks that finished since
 * the last look ({@link #finished}). {@link #snapshot} is what {@link ProgressView} renders.
 *
 * <p>A task is finished when every host that was in the batch when it started has a result for it; a task
 * some hosts never reach (run_once, a host that left the play) is finished when its batch or play ends.
 */
final class ProgressState implements RunListener {
    /**
     * One task of the current batch.
     *
     * @param ended when it finished; null while it runs
     * @param failedHosts the hosts that failed it (ignored failures too), in result order
     */
    record TaskTally(String name, boolean handler, Instant started, Instant ended, int batch, int batches,
                     int expected, int done, int ok, int changed, int failed, int unreachable, int skipped,
                     List<String> failedHosts, List<String> unreachableHosts, List<String> waitingFor) {}

    record Snapshot(String play, int hosts, int failedHosts, int unreachableHosts, int batch, int batches,
                    Instant runStarted, List<TaskTally> tasks) {}

    private final Clock clock;
    private final Instant runStarted;
    /** The current batch's tasks by where they are written (a handler apart from a task at the same place). */
    private final Map<String, Tally> tasks = new LinkedHashMap<>();
    private final List<TaskTally> finished = new ArrayList<>();
    private final Set<String> left = new HashSet<>();
    private final Set<String> failedHosts = new HashSet<>();
    private final Set<String> unreachableHosts = new HashSet<>();
    private List<String> batchHosts = List.of();
    private String play = "";
    private int hosts;
    private int batch;
    private int batches;

    ProgressState(Clock clock) {
        this.clock = clock;
        this.runStarted = clock.instant();
    }

    @Override
    public synchronized void on(RunEvent event) {
        switch (event) {
            case RunEvent.PlayStarted p -> {
                finishAll();
                play = p.play();
                hosts = p.hosts().size();
                batchHosts = p.hosts();
                batch = 0;
                batches = 0;
            }
            case RunEvent.BatchStarted b -> {
                finishAll();
                batch = b.batch();
                batches = b.batches();
                batchHosts = b.hosts();
            }
            case RunEvent.TaskStarted t -> tasks.computeIfAbsent(key(t.taskAt(), t.handler()),
                    k -> new Tally(t.task(), t.handler(), clock.instant(), inPlay()));
            case RunEvent.HostResult r -> result(r);
            case RunEvent.Rescued r -> {
                left.remove(r.host());
                failedHosts.remove(r.host());
                unreachableHosts.remove(r.host());
            }
            case RunEvent.PlayEnded p -> finishAll();
            case RunEvent.RunEnded r -> finishAll();
            case RunEvent.RunStarted s -> { }
        }
    }

    private void result(RunEvent.HostResult r) {
        Tally t = tasks.get(key(r.taskAt(), false));
        if (t == null) {
            t = tasks.get(key(r.taskAt(), true));
        }
        if (t == null) {
            // a result without its task_start: play's vars_files failure, told before any task
            t = new Tally(r.task(), false, clock.instant(), inPlay());
            tasks.put(key(r.taskAt(), false), t);
        }
        t.add(r);
        if (!r.keepsHost()) {
            left.add(r.host());
            (r.status() == RunEvent.Status.UNREACHABLE ? unreachableHosts : failedHosts).add(r.host());
        }
        if (t.ended == null && t.done >= t.expected.size()) {
            finish(t);
        }
    }

    private static String key(String taskAt, boolean handler) {
        return (handler ? "handler " : "task ") + taskAt;
    }

    /** The batch's hosts still in the play, in batch order. */
    private List<String> inPlay() {
        return batchHosts.stream().filter(h -> !left.contains(h)).toList();
    }

    private void finish(Tally t) {
        t.ended = clock.instant();
        finished.add(t.freeze(batch, batches));
    }

    private void finishAll() {
        tasks.values().stream().filter(t -> t.ended == null && t.done > 0).forEach(this::finish);
        tasks.clear();
    }

    /** The tasks that finished since the last call, in the order they finished. */
    synchronized List<TaskTally> finished() {
        List<TaskTally> out = List.copyOf(finished);
        finished.clear();
        return out;
    }

    synchronized Snapshot snapshot() {
        List<TaskTally> out = new ArrayList<>();
        tasks.values().forEach(t -> out.add(t.freeze(batch, batches)));
        return new Snapshot(play, hosts, failedHosts.size(), unreachableHosts.size(), batch, batches, runStarted,
                out);
    }

    private static final class Tally {
        final String name;
        final boolean handler;
        final Instant started;
        final Set<String> expected;
        final Set<String> reported = new HashSet<>();
        final List<String> failedHosts = new ArrayList<>();
        final List<String> unreachableHosts = new ArrayList<>();
        Instant ended;
        int done;
        int ok;
        int changed;
        int failed;
        int unreachable;
        int skipped;

        Tally(String name, boolean handler, Instant started, List<String> expected) {
            this.name = name;
            this.handler = handler;
            this.started = started;
            this.expected = new LinkedHashSet<>(expected);
        }

        void add(RunEvent.HostResult r) {
            done++;
            reported.add(r.host());
            expected.add(r.host());
            switch (r.status()) {
                case OK -> ok++;
                case CHANGED -> changed++;
                case FAILED -> {
                    failed++;
                    failedHosts.add(r.host());
                }
                case UNREACHABLE -> {
                    unreachable++;
                    unreachableHosts.add(r.host());
                }
                case SKIPPED -> skipped++;
            }
        }

        TaskTally freeze(int batch, int batches) {
            List<String> waiting = ended != null ? List.of()
                    : expected.stream().filter(h -> !reported.contains(h)).toList();
            return new TaskTally(name, handler, started, ended, batch, batches, expected.size(), done, ok, changed,
                    failed, unreachable, skipped, List.copyOf(failedHosts), List.copyOf(unreachableHosts), waiting);
        }
    }
}
