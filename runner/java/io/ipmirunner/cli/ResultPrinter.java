package io.ipmirunner.cli;

import io.ipmirunner.executor.RunEvent;
import io.ipmirunner.run.Run;
import io.ipmirunner.util.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Prints exec results: at the end, hosts with the same answer on one line ({@link Collated}); with
 * --no-collate, as each host finishes, {@code HOST | STATUS | summary}; or with --json, one object
 * keyed by host at the end, {@code {"status": ..., "result": {...}}} or with {@code "error"}.
 * Of the run's events only host results concern it: exec's play and task are implied by its command line.
 */
final class ResultPrinter implements Run.Output {
    private static final Set<String> RUNNER_KEYS = Set.of("changed", "failed", "attempts");
    private final boolean json;
    private final boolean collate;
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final Map<String, RunEvent.HostResult> results = new ConcurrentHashMap<>();

    ResultPrinter(boolean json, boolean collate) {
        this.json = json;
        this.collate = collate;
    }

    @Override
    public void on(RunEvent event) {
        if (event instanceof RunEvent.HostResult full) {
            RunEvent.HostResult r = moduleResult(full);
            results.put(r.host(), r);
            if (!json && !collate) {
                line(r);
            }
        }
    }

    /**
     * The result as the module gave it: without what the task runner adds for {@code register} (changed, failed,
     * attempts), which exec's status already says and its output never showed.
     */
    private static RunEvent.HostResult moduleResult(RunEvent.HostResult r) {
        Map<String, Object> result = new LinkedHashMap<>(r.result());
        result.keySet().removeAll(RUNNER_KEYS);
        return new RunEvent.HostResult(r.host(), r.task(), r.taskAt(), r.status(), r.ignored(), r.attempts(),
                r.duration(), result, r.error(), r.failureClass());
    }

    /** Hosts cut short by Ctrl-C are not reported as failed: the run says it was interrupted instead. */
    private synchronized void line(RunEvent.HostResult r) {
        if (!interrupted.get()) {
            System.out.println(r.host() + " | " + r.status().label().toUpperCase(java.util.Locale.ROOT) + " | "
                    + (r.error() != null ? r.error() : summary(r.result())));
        }
    }

    @Override
    public void interrupted() {
        interrupted.set(true);
    }

    @Override
    public void close() {
        // Nothing held: the grouped and JSON output is printed by finish, once the run is over.
    }

    /** The grouped lines or the JSON object, the hosts in {@code order} (those that have a result). */
    void finish(List<String> order) {
        List<RunEvent.HostResult> all = new ArrayList<>(results.size());
        for (String h : order) {
            RunEvent.HostResult r = results.get(h);
            if (r != null) {
                all.add(r);
            }
        }
        if (json) {
            System.out.println(Json.pretty(byHost(all)));
        } else if (collate && !interrupted.get()) {
            Collated.lines(all).forEach(System.out::println);
        }
    }

    /** The --json shape: one object keyed by host. */
    static Map<String, Object> byHost(List<RunEvent.HostResult> all) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RunEvent.HostResult o : all) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("status", o.status().label());
            if (o.error() != null) {
                h.put("error", o.error());
                h.put("failure_class", o.failureClass() == null ? null : o.failureClass().label());
            } else {
                h.put("result", o.result());
            }
            out.put(o.host(), h);
        }
        return out;
    }

    static String summary(Map<String, Object> result) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : result.entrySet()) {
            sb.append(sb.isEmpty() ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }
}
