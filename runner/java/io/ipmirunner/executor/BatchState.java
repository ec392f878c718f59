package io.ipmirunner.executor;

import io.ipmirunner.playbook.Play;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * One serial batch of a play while it runs: the hosts still in it, those that left (failed or unreachable),
 * pending handler notifications, and whether a fail policy stopped the play. Shared by the hosts' threads
 * under the free strategy, hence synchronized.
 */
final class BatchState {
    final Play play;
    final Map<String, HostContext> hosts;
    /** One per host of the batch, in batch order. */
    final List<HostCursor> cursors;
    private final Set<String> failed = new LinkedHashSet<>();
    private final Map<String, Set<String>> notified = new LinkedHashMap<>();
    private final AtomicBoolean stopping;
    private final Map<String, SharedPacing> pacing = new java.util.HashMap<>();
    private final Map<Integer, java.util.concurrent.CompletableFuture<RunEvent.HostResult>> once =
            new java.util.HashMap<>();
    private boolean aborted;

    BatchState(Play play, Map<String, HostContext> hosts, List<HostCursor> cursors, AtomicBoolean stopping) {
        this.play = play;
        this.hosts = hosts;
        this.cursors = List.copyOf(cursors);
        this.stopping = stopping;
    }

    /** A run_once task's one run under the free strategy; {@code first}: the caller runs it and completes it. */
    record Once(java.util.concurrent.CompletableFuture<RunEvent.HostResult> result, boolean first) {}

    synchronized Once once(int taskNode) {
        var existing = once.get(taskNode);
        if (existing != null) {
            return new Once(existing, false);
        }
        var created = new java.util.concurrent.CompletableFuture<RunEvent.HostResult>();
        once.put(taskNode, created);
        return new Once(created, true);
    }

    /** The operator asked to stop: no host starts anything new; what runs finishes. */
    boolean stopping() {
        return stopping.get();
    }

    /** The free strategy's pacing of the task written at {@code taskAt}, shared by the batch's hosts. */
    synchronized SharedPacing pacing(String taskAt, int throttle) {
        return pacing.computeIfAbsent(taskAt, k -> new SharedPacing(throttle));
    }

    synchronized void notify(String host, List<String> notifications) {
        for (String n : notifications) {
            notified.computeIfAbsent(n, k -> new LinkedHashSet<>()).add(host);
        }
    }

    /** Which of {@code among} were notified under a name {@code answers} accepts; those notifications are used up. */
    synchronized Set<String> takeNotified(Predicate<String> answers, Collection<String> among) {
        // A set, so a flush on thousands of notified hosts stays linear (a list's contains made it quadratic).
        Set<String> hosts = new java.util.HashSet<>(among);
        Set<String> out = new LinkedHashSet<>();
        notified.forEach((name, hostSet) -> {
            if (answers.test(name)) {
                hostSet.stream().filter(hosts::contains).forEach(out::add);
                hostSet.removeIf(hosts::contains);
            }
        });
        return out;
    }

    synchronized Set<String> failed() {
        return Set.copyOf(failed);
    }

    /** A fail policy stopped the play, or the operator the run: no new task starts. */
    synchronized boolean aborted() {
        return aborted || stopping.get();
    }

    /**
     * Hosts leave the batch. max_fail_percentage: the play stops when more than that share of the batch
     * failed; any_errors_fatal at the first failure.
     */
    synchronized void leave(Collection<String> hosts) {
        failed.addAll(hosts);
        if (failed.isEmpty()) {
            return;
        }
        boolean tooMany = play.policy().maxFailPercentage().isPresent()
                && failed.size() * 100.0 / this.hosts.size() > play.policy().maxFailPercentage().getAsInt();
        aborted |= play.policy().anyErrorsFatal() || tooMany;
    }
}
