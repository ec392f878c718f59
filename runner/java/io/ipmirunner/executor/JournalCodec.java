package io.ipmirunner.executor;

import io.ipmirunner.util.InstantText;
import io.ipmirunner.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@link RunEvent} as one journal line and back: {@code {"at":"<instant>","event":"<kind>",...}}. The only
 * place that knows the journal's field names; the writer, {@code --resume}, {@code --retry-failed} and reports all
 * go through it, so an event decodes {@linkplain Object#equals equal} to the one encoded.
 */
public final class JournalCodec {
    /** A journal line: when the event happened, and the event. */
    public record Entry(Instant at, RunEvent event) {}

    private JournalCodec() {}

    /**
     * The event's line, without its line break.
     *
     * @throws IllegalArgumentException a result holds a value JSON cannot give back (a byte array, NaN, an object),
     *                                  named by its path in the result
     */
    public static String encode(Instant at, RunEvent event) {
        return line(at, encodeFields(event));
    }

    /**
     * The event's fields as a JSON object without {@code at}, for {@link #line}: the journal encodes it before taking
     * its lock and stamps the time under it.
     *
     * @throws IllegalArgumentException as {@link #encode}
     */
    static String encodeFields(RunEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        fields(event, m);
        try {
            return new String(Json.strict(m), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            String what = event instanceof RunEvent.HostResult r ? "result of '" + r.task() + "' on " + r.host()
                    : m.get("event").toString();
            throw new IllegalArgumentException("journal: " + what + ": " + e.getMessage(), e);
        }
    }

    /** {@code at} first, then the fields of {@link #encodeFields} (never empty: every event has "event"). */
    static String line(Instant at, String fields) {
        // An instant's text (ISO-8601) needs no JSON escape.
        return "{\"at\":\"" + InstantText.of(at) + "\"," + fields.substring(1);
    }

    /**
     * The event a line holds.
     *
     * @throws JournalException JSON, but not a journal event
     * @throws IOException not JSON, as a torn line is not
     */
    public static Entry decode(String line) throws IOException {
        return decode(Json.parse(line));
    }

    static Entry decode(Object json) throws JournalException {
        if (!(json instanceof Map<?, ?> map)) {
            throw new JournalException("not a journal event (a JSON object)");
        }
        Fields f = new Fields(map);
        Instant at;
        try {
            at = Instant.parse(String.valueOf(f.string("at")));
        } catch (DateTimeParseException e) {
            throw new JournalException("'at' is not an instant");
        }
        String kind = f.string("event");
        RunEvent event = switch (kind == null ? "" : kind) {
            case "run_start" -> new RunEvent.RunStarted(f.string("playbook"), f.strings("inventory"),
                    f.string("limit"), f.bool("check"), f.string("user"), f.string("shard"));
            case "play_start" -> new RunEvent.PlayStarted(f.string("play"), f.strings("hosts"));
            case "batch_start" -> new RunEvent.BatchStarted(f.string("play"), (int) f.number("batch"),
                    (int) f.number("batches"), f.strings("hosts"));
            case "task_start", "handler_start" -> new RunEvent.TaskStarted(f.string("play"), f.string("task"),
                    kind.equals("handler_start"), f.string("task_at"), f.string("module"));
            case "host_result" -> hostResult(f);
            case "rescued" -> new RunEvent.Rescued(f.string("host"), f.string("block"));
            case "play_end" -> new RunEvent.PlayEnded(f.string("play"));
            case "run_end" -> new RunEvent.RunEnded(recap(f));
            default -> throw new JournalException("unknown event '" + kind + "'");
        };
        return new Entry(at, event);
    }

    private static void fields(RunEvent event, Map<String, Object> m) {
        switch (event) {
            case RunEvent.RunStarted r -> {
                m.put("event", "run_start");
                m.put("playbook", r.playbook());
                m.put("inventory", r.inventories());
                m.put("limit", r.limit());
                m.put("check", r.check());
                m.put("user", r.user());
                if (r.shard() != null) {
                    m.put("shard", r.shard());
                }
            }
            case RunEvent.PlayStarted p -> {
                m.put("event", "play_start");
                m.put("play", p.play());
                m.put("hosts", p.hosts());
            }
            case RunEvent.BatchStarted b -> {
                m.put("event", "batch_start");
                m.put("play", b.play());
                m.put("batch", b.batch());
                m.put("batches", b.batches());
                m.put("hosts", b.hosts());
            }
            case RunEvent.TaskStarted t -> {
                m.put("event", t.handler() ? "handler_start" : "task_start");
                m.put("play", t.play());
                m.put("task", t.task());
                m.put("task_at", t.taskAt());
                m.put("module", t.module());
            }
            case RunEvent.HostResult r -> {
                m.put("event", "host_result");
                m.put("host", r.host());
                m.put("task", r.task());
                m.put("task_at", r.taskAt());
                m.put("status", r.status().label());
                m.put("ignored", r.ignored());
                m.put("attempts", r.attempts());
                m.put("duration_ms", r.duration().toMillis());
                m.put("result", r.result());
                if (r.error() != null) {
                    m.put("error", r.error());
                }
                if (r.failureClass() != null) {
                    m.put("failure_class", r.failureClass().label());
                }
            }
            case RunEvent.Rescued r -> {
                m.put("event", "rescued");
                m.put("host", r.host());
                m.put("block", r.block());
            }
            case RunEvent.PlayEnded p -> {
                m.put("event", "play_end");
                m.put("play", p.play());
            }
            case RunEvent.RunEnded r -> {
                m.put("event", "run_end");
                Map<String, Object> recap = new LinkedHashMap<>();
                r.recap().forEach((h, c) -> recap.put(h, counts(c)));
                m.put("recap", recap);
            }
        }
    }

    private static Map<String, Object> counts(RunEvent.Recap c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", c.ok());
        m.put("changed", c.changed());
        m.put("unreachable", c.unreachable());
        m.put("failed", c.failed());
        m.put("skipped", c.skipped());
        m.put("rescued", c.rescued());
        m.put("ignored", c.ignored());
        return m;
    }

    private static RunEvent.HostResult hostResult(Fields f) throws JournalException {
        RunEvent.Status status;
        try {
            status = RunEvent.Status.valueOf(String.valueOf(f.string("status")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JournalException("unknown status '" + f.string("status") + "'");
        }
        String failure = f.string("failure_class");
        FailureClass failureClass = failure == null ? null : FailureClass.of(failure)
                .orElseThrow(() -> new JournalException("unknown failure class '" + failure + "'"));
        return new RunEvent.HostResult(f.string("host"), f.string("task"), f.string("task_at"), status,
                f.bool("ignored"), (int) f.number("attempts"), Duration.ofMillis(f.number("duration_ms")),
                f.map("result"), f.string("error"), failureClass);
    }

    private static Map<String, RunEvent.Recap> recap(Fields f) throws JournalException {
        Map<String, RunEvent.Recap> recap = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : f.map("recap").entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> counts)) {
                throw new JournalException("recap of " + e.getKey() + " is not a map");
            }
            Fields c = new Fields(counts);
            recap.put(e.getKey(), new RunEvent.Recap((int) c.number("ok"), (int) c.number("changed"),
                    (int) c.number("unreachable"), (int) c.number("failed"), (int) c.number("skipped"),
                    (int) c.number("rescued"), (int) c.number("ignored")));
        }
        return recap;
    }

    /** A line's fields, typed; a field of the wrong type is a {@link JournalException} naming it. */
    private record Fields(Map<?, ?> m) {
        String string(String key) throws JournalException {
            return as(key, String.class);
        }

        boolean bool(String key) throws JournalException {
            return Boolean.TRUE.equals(as(key, Boolean.class));
        }

        long number(String key) throws JournalException {
            Number n = as(key, Number.class);
            return n == null ? 0 : n.longValue();
        }

        List<String> strings(String key) throws JournalException {
            List<String> out = new ArrayList<>();
            List<?> l = as(key, List.class);
            for (Object o : l == null ? List.of() : l) {
                if (!(o instanceof String s)) {
                    throw new JournalException("'" + key + "' is not a list of strings");
                }
                out.add(s);
            }
            return out;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(String key) throws JournalException {
            Map<String, Object> v = as(key, Map.class);
            return v == null ? Map.of() : v;
        }

        private <T> T as(String key, Class<T> type) throws JournalException {
            Object v = m.get(key);
            if (v != null && !type.isInstance(v)) {
                throw new JournalException("'" + key + "' is not a " + type.getSimpleName().toLowerCase(Locale.ROOT));
            }
            return type.cast(v);
        }
    }
}
