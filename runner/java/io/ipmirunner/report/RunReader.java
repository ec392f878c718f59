package io.ipmirunner.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link RunRecord} from {@code RUN_DIR/journal.jsonl}. A line that does not parse (the last one of a
 * killed run) is skipped, so a partial journal gives a partial report, never none.
 */
public final class RunReader {
    private final Map<String, Object> request = new LinkedHashMap<>();
    private final List<String> plays = new ArrayList<>();
    private final Map<String, List<TaskRun>> hosts = new LinkedHashMap<>();
    private final Map<String, String> modules = new HashMap<>();
    private final Map<String, Span> open = new HashMap<>();
    /** Host and task of every result before the latest run_start, to its place in the host's list. */
    private final Map<String, Integer> fromEarlierStart = new HashMap<>();
    private final List<Span> spans = new ArrayList<>();
    private String play = "";
    private Instant first;
    private Instant last;
    private boolean complete;
    private int starts;

    private RunReader() {}

    public static RunRecord read(Path runDir) throws IOException {
        RunReader r = new RunReader();
        try (BufferedReader in = Files.newBufferedReader(runDir.resolve("journal.jsonl"), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Map<String, Object> event;
                try {
                    event = JsonParser.parse(line) instanceof Map<?, ?> m ? cast(m) : null;
                } catch (IllegalArgumentException torn) {
                    continue;
                }
                if (event != null) {
                    r.on(event);
                }
            }
        }
        return r.record();
    }

    private void on(Map<String, Object> e) {
        Instant at = instant(e.get("at"));
        if (at != null) {
            first = first == null ? at : first;
            last = at;
        }
        switch (text(e.get("event"))) {
            case "run_start" -> {
                starts++;
                fromEarlierStart.clear();
                hosts.forEach((h, runs) -> {
                    for (int i = 0; i < runs.size(); i++) {
                        fromEarlierStart.put(h + '\u0000' + runs.get(i).taskAt(), i);
                    }
                });
                if (request.isEmpty()) {
                    e.forEach((k, v) -> {
                        if (!k.equals("event") && !k.equals("at")) {
                            request.put(k, v);
                        }
                    });
                }
                complete = false;
            }
            case "play_start" -> {
                play = text(e.get("play"));
                if (!plays.contains(play)) {
                    plays.add(play);
                }
                if (e.get("hosts") instanceof List<?> l) {
                    l.forEach(h -> hosts.computeIfAbsent(String.valueOf(h), k -> new ArrayList<>()));
                }
            }
            case "task_start", "handler_start" -> {
                String taskAt = text(e.get("task_at"));
                String module = text(e.get("module"));
                modules.put(taskAt, module);
                Span s = new Span(play, text(e.get("task")), module, e.get("event").equals("handler_start"), at);
                open.put(taskAt, s);
                spans.add(s);
            }
            case "host_result" -> hostResult(e, at);
            case "run_end" -> complete = true;
            default -> { }
        }
    }

    private void hostResult(Map<String, Object> e, Instant at) {
        String taskAt = text(e.get("task_at"));
        String status = text(e.get("status"));
        Map<String, Object> result = e.get("result") instanceof Map<?, ?> m ? cast(m) : Map.of();
        TaskRun t = new TaskRun(play, text(e.get("task")), taskAt, modules.getOrDefault(taskAt, ""), status,
                Boolean.TRUE.equals(e.get("ignored")), (int) number(e.get("attempts")), number(e.get("duration_ms")),
                result, e.get("error") == null ? null : text(e.get("error")),
                e.get("failure_class") == null ? null : text(e.get("failure_class")), at);
        String host = text(e.get("host"));
        List<TaskRun> runs = hosts.computeIfAbsent(host, k -> new ArrayList<>());
        // --resume replays what the journal already held: the replay stands in for the original, not beside it.
        Integer earlier = fromEarlierStart.remove(host + '\u0000' + taskAt);
        if (earlier != null) {
            runs.set(earlier, t);
        } else {
            runs.add(t);
        }
        Span s = open.get(taskAt);
        if (s != null) {
            s.counts.merge(status, 1, Integer::sum);
            if (at != null) {
                s.end = at;
            }
        }
    }

    private RunRecord record() {
        Map<String, HostRecord> out = new LinkedHashMap<>();
        hosts.forEach((h, tasks) -> out.put(h, new HostRecord(h, tasks)));
        List<TaskSpan> timeline = spans.stream().map(s -> new TaskSpan(s.play, s.task, s.module, s.handler, s.start,
                s.end == null ? s.start : s.end, s.counts)).toList();
        return new RunRecord(request, first, last, complete, starts, plays, out, timeline);
    }

    /** A span being filled while its host results come in. */
    private static final class Span {
        final String play;
        final String task;
        final String module;
        final boolean handler;
        final Instant start;
        final Map<String, Integer> counts = new LinkedHashMap<>();
        Instant end;

        Span(String play, String task, String module, boolean handler, Instant start) {
            this.play = play;
            this.task = task;
            this.module = module;
            this.handler = handler;
            this.start = start;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    private static Instant instant(Object o) {
        try {
            return o == null ? null : Instant.parse(String.valueOf(o));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
