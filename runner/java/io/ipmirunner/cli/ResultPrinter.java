package io.ipmirunner.cli;

import io.ipmirunner.executor.HostOutcome;
import io.ipmirunner.util.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Prints exec results: at the end, hosts with the same answer on one line ({@link Collated}); with
 * --no-collate, as each host finishes, {@code HOST | STATUS | summary}; or with --json, one object
 * keyed by host at the end, {@code {"status": ..., "result": {...}}} or with {@code "error"}.
 */
final class ResultPrinter {
    private final boolean json;
    private final boolean collate;
    private final AtomicBoolean interrupted;

    ResultPrinter(boolean json, AtomicBoolean interrupted) {
        this(json, false, interrupted);
    }

    ResultPrinter(boolean json, boolean collate, AtomicBoolean interrupted) {
        this.json = json;
        this.collate = collate;
        this.interrupted = interrupted;
    }

    /** Hosts cut short by Ctrl-C are not reported as failed: the run says it was interrupted instead. */
    synchronized void onDone(HostOutcome o) {
        if (json || collate || interrupted.get()) {
            return;
        }
        String summary = o.error() != null ? o.error() : summary(o.result());
        System.out.println(o.host() + " | " + o.status().label().toUpperCase(java.util.Locale.ROOT) + " | "
                + summary);
    }

    void finish(List<HostOutcome> all) {
        if (json) {
            System.out.println(Json.pretty(byHost(all)));
        } else if (collate && !interrupted.get()) {
            Collated.lines(all).forEach(System.out::println);
        }
    }

    /** The --json shape: one object keyed by host. */
    static Map<String, Object> byHost(List<HostOutcome> all) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (HostOutcome o : all) {
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
