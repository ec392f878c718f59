package io.ipmirunner.executor;

import io.ipmirunner.playbook.Play;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One serial batch of a play while it runs: the hosts still in it, those that left (failed or unreachable),
 * pending handler notifications, and whether a fail policy stopped the play.
 */
final class BatchState {
    final Play play;
    final Map<String, HostContext> hosts;
    final Set<String> failed = new LinkedHashSet<>();
    private final Map<String, Set<String>> notified = new LinkedHashMap<>();
    private final int size;
    boolean aborted;

    BatchState(Play play, Map<String, HostContext> hosts) {
        this.play = play;
        this.hosts = hosts;
        this.size = hosts.size();
    }

    synchronized void notify(String host, List<String> notifications) {
        for (String n : notifications) {
            notified.computeIfAbsent(n, k -> new LinkedHashSet<>()).add(host);
        }
    }

    /** Hosts notified under any of {@code names}, clearing those notifications. */
    synchronized Set<String> takeNotified(java.util.function.Predicate<String> answers) {
        Set<String> out = new LinkedHashSet<>();
        notified.entrySet().removeIf(e -> {
            if (answers.test(e.getKey())) {
                out.addAll(e.getValue());
                return true;
            }
            return false;
        });
        return out;
    }

    /** max_fail_percentage: the batch stops when more than that share of it failed; any_errors_fatal at one. */
    void applyFailPolicy() {
        if (failed.isEmpty()) {
            return;
        }
        boolean tooMany = play.policy().maxFailPercentage().isPresent()
                && failed.size() * 100.0 / size > play.policy().maxFailPercentage().getAsInt();
        aborted |= play.policy().anyErrorsFatal() || tooMany;
    }
}
