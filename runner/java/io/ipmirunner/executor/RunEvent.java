package io.ipmirunner.executor;

import io.ipmirunner.util.JsonValues;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * What happens during a run, in the order it happens. Listeners (console, journal, reports) observe these;
 * the executor never prints.
 */
public sealed interface RunEvent {
    /**
     * What was asked for, first in a run's journal so a report can say what ran, on what, by whom.
     *
     * @param user the operating-system user who started the run (not a BMC user)
     * @param shard {@code --shard} as {@code Shard.label()} gives it ({@code 2/4}, {@code 2/4 by site}), or null
     */
    record RunStarted(String playbook, List<String> inventories, String limit, boolean check, String user,
                      String shard) implements RunEvent {
        public RunStarted {
            inventories = List.copyOf(inventories);
        }

        /** A run of the whole inventory (no {@code --shard}). */
        public RunStarted(String playbook, List<String> inventories, String limit, boolean check, String user) {
            this(playbook, inventories, limit, check, user, null);
        }
    }

    record PlayStarted(String play, List<String> hosts) implements RunEvent {
        public PlayStarted {
            hosts = List.copyOf(hosts);
        }
    }

    /**
     * A {@code serial} batch of a play starts (a play without serial is one batch of all its hosts).
     *
     * @param batch 1-based, of {@code batches}
     */
    record BatchStarted(String play, int batch, int batches, List<String> hosts) implements RunEvent {
        public BatchStarted {
            hosts = List.copyOf(hosts);
        }
    }

    /**
     * A task starts on a batch of hosts.
     *
     * @param taskAt where the task is written, as in {@link HostResult}
     * @param module the task's action ({@code power}, {@code assert}, ...): reports pick inventory data by it
     */
    record TaskStarted(String play, String task, boolean handler, String taskAt, String module) implements RunEvent {}

    /**
     * One host's verdict on one task.
     *
     * @param taskAt where the task is written ({@code file:line:column}): names the task for {@code --resume}
     * @param attempts task-level tries ({@code retries}/{@code until}), not the engine's packet retransmissions
     * @param ignored failed, but {@code ignore_errors} keeps the host in the play
     * @param duration to the millisecond, as the journal keeps it
     * @param result numbers in their canonical types ({@link JsonValues#canonical}), so a result read back from the
     *               journal equals the one the run made
     */
    record HostResult(String host, String task, String taskAt, Status status, boolean ignored, int attempts,
                      Duration duration, Map<String, Object> result, String error, FailureClass failureClass)
            implements RunEvent {
        public HostResult {
            duration = duration.truncatedTo(ChronoUnit.MILLIS);
            result = result == null ? Map.of() : JsonValues.canonicalMap(result);
        }

        /** Whether the host stays in the play after this result. */
        public boolean keepsHost() {
            return ignored || status != Status.FAILED && status != Status.UNREACHABLE;
        }
    }

    /**
     * A block's {@code rescue} ran to its end for a host whose block failed: as in Ansible, that failure no
     * longer counts (the recap moves it from failed to rescued, and {@code --retry-failed} leaves the host out).
     */
    record Rescued(String host, String block) implements RunEvent {}

    record PlayEnded(String play) implements RunEvent {}

    record RunEnded(Map<String, Recap> recap) implements RunEvent {}

    enum Status {
        OK, CHANGED, FAILED, SKIPPED, UNREACHABLE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Per host counts, as Ansible's PLAY RECAP. */
    record Recap(int ok, int changed, int unreachable, int failed, int skipped, int rescued, int ignored) {
        public static final Recap ZERO = new Recap(0, 0, 0, 0, 0, 0, 0);

        public Recap plus(HostResult r) {
            boolean counted = r.status() == Status.OK || r.status() == Status.CHANGED;
            return new Recap(ok + (counted ? 1 : 0), changed + (r.status() == Status.CHANGED ? 1 : 0),
                    unreachable + (r.status() == Status.UNREACHABLE ? 1 : 0),
                    failed + (r.status() == Status.FAILED && !r.ignored() ? 1 : 0),
                    skipped + (r.status() == Status.SKIPPED ? 1 : 0), rescued, ignored + (r.ignored() ? 1 : 0));
        }

        /** The block's failure (a failed or unreachable result) was rescued: it counts as rescued instead. */
        public Recap rescue(Status failedAs) {
            boolean gone = failedAs == Status.UNREACHABLE;
            return new Recap(ok, changed, gone ? Math.max(0, unreachable - 1) : unreachable,
                    gone ? failed : Math.max(0, failed - 1), skipped, rescued + 1, ignored);
        }
    }
}
