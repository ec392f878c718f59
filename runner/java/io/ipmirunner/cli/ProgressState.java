package io.ipmirunner.cli;

import io.ipmirunner.executor.RunEvent;
import io.ipmirunner.executor.RunListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the live progress shows, gathered from run events: per task how many hosts are done and how, the
 * slowest host results, and the run's pace. {@link #snapshot} is what {@link ProgressView} renders.
 */
final class ProgressState implements RunListener {
    private static final int SLOWEST = 3;

    /** One task's tally; {@code expected} is the hosts still in the play when it started. */
    record TaskTally(String name, Instant started, int expected, int done, int ok, int changed, int failed,
                     int unreachable, int skipped, List<Slow> slowest) {}

    record Slow(String host, Duration took) {}

    record Snapshot(String play, int hosts, int results, Instant runStarted, List<TaskTally> tasks) {}

    private final Clock clock;
    private final Instant runStarted;
    private final Map<String, Tally> tasks = new LinkedHashMap<>();
    private final Set<String> left = new HashSet<>();
    private String play = "";
    private int hosts;
    private int results;

    ProgressState(Clock clock) {
        this.clock = clock;
        this.runStarted = clock.instant();
    }

    @Override
    public synchronized void on(RunEvent event) {
        switch (event) {
            case RunEvent.PlayStarted p -> {
                play = p.play();
                hosts = p.hosts().size();
                tasks.clear();
                left.clear();
            }
            case RunEvent.TaskStarted t -> tasks.computeIfAbsent(t.task(), n -> new Tally(n, clock.instant(),
                    Math.max(0, hosts - left.size())));
            case RunEvent.HostResult r -> {
                results++;
                tasks.computeIfAbsent(r.task(), n -> new Tally(n, clock.instant(), hosts - left.size())).add(r);
                if (!r.keepsHost()) {
                    left.add(r.host());
                }
            }
            case RunEvent.RunStarted s -> { }
            case RunEvent.Rescued r -> left.remove(r.host());
            case RunEvent.PlayEnded p -> { }
            case RunEvent.RunEnded r -> { }
        }
    }

    synchronized Snapshot snapshot() {
        List<TaskTally> out = new ArrayList<>();
        tasks.values().forEach(t -> out.add(t.freeze()));
        return new Snapshot(play, hosts, results, runStarted, out);
    }

    private static final class Tally {
        final String name;
        final Instant started;
        final int expected;
        int done;
        int ok;
        int changed;
        int failed;
        int unreachable;
        int skipped;
        final List<Slow> slowest = new ArrayList<>();

        Tally(String name, Instant started, int expected) {
            this.name = name;
            this.started = started;
            this.expected = expected;
        }

        void add(RunEvent.HostResult r) {
            done++;
            switch (r.status()) {
                case OK -> ok++;
                case CHANGED -> changed++;
                case FAILED -> failed++;
                case UNREACHABLE -> unreachable++;
                case SKIPPED -> skipped++;
            }
            slowest.add(new Slow(r.host(), r.duration()));
            slowest.sort(Comparator.comparing(Slow::took).reversed());
            if (slowest.size() > SLOWEST) {
                slowest.removeLast();
            }
        }

        TaskTally freeze() {
            return new TaskTally(name, started, Math.max(expected, done), done, ok, changed, failed, unreachable,
                    skipped, List.copyOf(slowest));
        }
    }
}
