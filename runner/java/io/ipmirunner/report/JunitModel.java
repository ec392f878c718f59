package io.ipmirunner.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * junit.xml's suites, counted here rather than in the template: one suite per play with a test case per host
 * per task, and a last "not run" suite for hosts that never got a task. Times are wall times: the whole
 * run's for {@code testsuites}, the play's for its suite, the host's own for a case. Linear in the results, so 5,000
 * hosts cost nothing special.
 */
final class JunitModel {
    private JunitModel() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, Object> model) {
        Map<String, Map<String, Object>> suites = new LinkedHashMap<>();
        Map<String, Object> run = (Map<String, Object>) model.get("run");
        for (Object play : (List<?>) run.get("plays")) {
            suites.put(String.valueOf(play), suite(String.valueOf(play)));
        }
        Map<String, Object> notRun = suite("not run");
        ((Map<String, Map<String, Object>>) model.get("hosts")).forEach((host, h) -> {
            if ("not_run".equals(h.get("status"))) {
                add(notRun, testCase("not run", host, 0, "skipped", null,
                        "no task ran on this host (the run stopped before its batch, or was interrupted)"));
            }
            for (Map<String, Object> t : (List<Map<String, Object>>) h.get("tasks")) {
                String play = String.valueOf(t.get("play"));
                Map<String, Object> suite = suites.computeIfAbsent(play, JunitModel::suite);
                Map<String, Object> c = testCase(play + "/" + t.get("name"), host, (Long) t.get("duration_ms"),
                        outcome(t), (String) t.get("failure_class"), message(t));
                consoleText(t).ifPresent(text -> c.put("system_out", text));
                add(suite, c);
            }
        });
        wallTimes((List<Map<String, Object>>) model.get("timeline"), suites);
        List<Map<String, Object>> out = new ArrayList<>(suites.values());
        if (!((List<?>) notRun.get("cases")).isEmpty()) {
            out.add(notRun);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", run.get("playbook") == null ? "ipmi-runner" : run.get("playbook"));
        m.put("started", run.get("started"));
        m.put("summary", model.get("summary"));
        m.put("suites", out);
        return XmlText.clean(m);
    }

    /**
     * A suite's time is its play's wall time, first task start to last result, as CI servers read it: the sum of
     * its cases would count hosts that ran in parallel once each (1,000 hosts for 2 s is not 2,000 s).
     */
    private static void wallTimes(List<Map<String, Object>> timeline, Map<String, Map<String, Object>> suites) {
        Map<String, long[]> spans = new LinkedHashMap<>();
        for (Map<String, Object> span : timeline) {
            long start = ((Number) span.get("start_ms")).longValue();
            long end = ((Number) span.get("end_ms")).longValue();
            spans.merge(String.valueOf(span.get("play")), new long[] {start, end},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        suites.forEach((play, suite) -> {
            long[] span = spans.get(play);
            suite.put("time_ms", span == null ? 0L : Math.max(0L, span[1] - span[0]));
        });
    }

    /** failure (failed), error (unreachable), skipped (skipped, or a failure ignore_errors let pass), or none. */
    private static String outcome(Map<String, Object> t) {
        boolean ignored = Boolean.TRUE.equals(t.get("ignored"));
        return switch (String.valueOf(t.get("status"))) {
            case "failed" -> ignored ? "skipped" : "failure";
            case "unreachable" -> "error";
            case "skipped" -> "skipped";
            default -> null;
        };
    }

    private static String message(Map<String, Object> t) {
        if ("skipped".equals(t.get("status"))) {
            return t.get("result") instanceof Map<?, ?> r && r.get("skip_reason") != null
                    ? String.valueOf(r.get("skip_reason")) : "skipped";
        }
        String error = t.get("error") == null ? "" : String.valueOf(t.get("error"));
        return Boolean.TRUE.equals(t.get("ignored")) ? "failed, ignored: " + error : error;
    }

    /** What a console task read (its text, escape sequences already removed): the case's system-out. */
    private static java.util.Optional<String> consoleText(Map<String, Object> t) {
        return "console".equals(t.get("module")) && t.get("result") instanceof Map<?, ?> r
                && r.get("text") instanceof String text ? java.util.Optional.of(text) : java.util.Optional.empty();
    }

    private static Map<String, Object> suite(String name) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("tests", 0);
        s.put("failures", 0);
        s.put("errors", 0);
        s.put("skipped", 0);
        s.put("time_ms", 0L);
        s.put("cases", new ArrayList<Map<String, Object>>());
        return s;
    }

    private static Map<String, Object> testCase(String classname, String host, long millis, String outcome,
                                                String type, String message) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("classname", classname);
        c.put("name", host);
        c.put("time_ms", millis);
        c.put("outcome", outcome);
        c.put("type", type == null ? outcome : type);
        c.put("message", message);
        return c;
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> suite, Map<String, Object> c) {
        ((List<Map<String, Object>>) suite.get("cases")).add(c);
        suite.merge("tests", 1, (a, b) -> (Integer) a + 1);
        if (c.get("outcome") != null) {
            String counter = switch ((String) c.get("outcome")) {
                case "failure" -> "failures";
                case "error" -> "errors";
                default -> "skipped";
            };
            suite.merge(counter, 1, (a, b) -> (Integer) a + 1);
        }
    }
}
