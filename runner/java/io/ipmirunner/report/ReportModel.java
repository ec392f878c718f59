package io.ipmirunner.report;

import io.ipmirunner.util.InstantText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as plain data: exactly what {@code report.json} holds (schema in docs/reports.md), and the model
 * every template, shipped or user-supplied, renders from. Bump {@link #SCHEMA_VERSION} when a key changes
 * meaning or goes away; adding keys does not.
 */
public final class ReportModel {
    public static final int SCHEMA_VERSION = 1;
    static final List<String> STATUSES = List.of("ok", "changed", "failed", "unreachable", "skipped", "not_run");

    private ReportModel() {}

    public static Map<String, Object> of(RunRecord run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema_version", SCHEMA_VERSION);
        m.put("run", run(run));
        m.put("summary", summary(run));
        m.put("failures", FailureGroups.of(run.hosts().values()));
        Map<String, Object> hosts = new LinkedHashMap<>();
        Map<String, Object> inventory = new LinkedHashMap<>();
        run.hosts().forEach((name, h) -> {
            hosts.put(name, host(h));
            Map<String, Object> inv = InventoryData.of(h);
            if (!inv.isEmpty()) {
                inventory.put(name, inv);
            }
        });
        m.put("hosts", hosts);
        m.put("inventory", inventory);
        m.put("timeline", timeline(run));
        return m;
    }

    private static Map<String, Object> run(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>(r.request());
        m.put("started", r.started() == null ? null : InstantText.of(r.started()));
        m.put("ended", r.ended() == null ? null : InstantText.of(r.ended()));
        m.put("duration_ms", r.durationMs());
        m.put("complete", r.complete());
        m.put("starts", r.starts());
        m.put("plays", r.plays());
        return m;
    }

    private static Map<String, Object> summary(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hosts", r.hosts().size());
        STATUSES.forEach(s -> m.put(s, 0));
        int results = 0;
        for (HostRecord h : r.hosts().values()) {
            m.merge(h.status(), 1, (a, b) -> (Integer) a + (Integer) b);
            results += h.tasks().size();
        }
        m.put("task_results", results);
        m.put("duration_ms", r.durationMs());
        return m;
    }

    private static Map<String, Object> host(HostRecord h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", h.status());
        var failure = h.firstFailure();
        m.put("failure_class", failure.map(TaskRun::failureClass).orElse(null));
        m.put("error", failure.map(TaskRun::error).orElse(null));
        m.put("failed_task", failure.map(TaskRun::task).orElse(null));
        m.put("duration_ms", h.durationMs());
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (TaskRun t : h.tasks()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("name", t.task());
            tm.put("play", t.play());
            tm.put("task_at", t.taskAt());
            tm.put("module", t.module());
            tm.put("status", t.status());
            tm.put("ignored", t.ignored());
            tm.put("attempts", t.attempts());
            tm.put("duration_ms", t.durationMs());
            tm.put("result", t.result());
            tm.put("error", t.error());
            tm.put("failure_class", t.failureClass());
            tm.put("finished", t.finishedAt() == null ? null : InstantText.of(t.finishedAt()));
            tasks.add(tm);
        }
        m.put("tasks", tasks);
        return m;
    }

    private static List<Map<String, Object>> timeline(RunRecord r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TaskSpan s : r.spans()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("play", s.play());
            m.put("task", s.task());
            m.put("module", s.module());
            m.put("handler", s.handler());
            m.put("start_ms", offset(r.started(), s.start()));
            m.put("end_ms", offset(r.started(), s.end()));
            Map<String, Object> counts = new LinkedHashMap<>();
            STATUSES.forEach(st -> {
                if (s.counts().containsKey(st)) {
                    counts.put(st, s.counts().get(st));
                }
            });
            m.put("counts", counts);
            out.add(m);
        }
        return out;
    }

    private static long offset(Instant from, Instant at) {
        return from == null || at == null ? 0 : Duration.between(from, at).toMillis();
    }
}
