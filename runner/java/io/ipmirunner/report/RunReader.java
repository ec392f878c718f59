package io.ipmirunner.report;

import io.ipmirunner.executor.JournalCodec;
import io.ipmirunner.executor.JournalReader;
import io.ipmirunner.executor.RunEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link RunRecord} from {@code RUN_DIR/journal.jsonl}. The torn last line of a killed run is skipped, so
 * a partial journal gives a partial report, never none.
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

    /**
     * @throws io.ipmirunner.executor.JournalException a line is neither an event nor the torn end of one
     */
    public static RunRecord read(Path runDir) throws IOException {
        return of(JournalReader.read(runDir));
    }

    /** The run a journal's entries describe, read back or as the journal wrote them. */
    public static RunRecord of(List<JournalCodec.Entry> entries) {
        RunReader r = new RunReader();
        for (JournalCodec.Entry e : entries) {
            r.on(e.at(), e.event());
        }
        return r.record();
    }

    private void on(Instant at, RunEvent event) {
        first = first == null ? at : first;
        last = at;
        switch (event) {
            case RunEvent.RunStarted r -> {
                starts++;
                fromEarlierStart.clear();
                hosts.forEach((h, runs) -> {
                    for (int i = 0; i < runs.size(); i++) {
                        fromEarlierStart.put(h + '\u0000' + runs.get(i).taskAt(), i);
                    }
                });
                if (request.isEmpty()) {
                    request.put("playbook", r.playbook());
                    request.put("inventory", r.inventories());
                    request.put("limit", r.limit());
                    request.put("check", r.check());
                    request.put("user", r.user());
                    if (r.shard() != null) {
                        request.put("shard", r.shard());
                    }
                }
                complete = false;
            }
            case RunEvent.PlayStarted p -> {
                play = text(p.play());
                if (!plays.contains(play)) {
                    plays.add(play);
                }
                p.hosts().forEach(h -> hosts.computeIfAbsent(h, k -> new ArrayList<>()));
            }
            case RunEvent.TaskStarted t -> {
                String taskAt = text(t.taskAt());
                modules.put(taskAt, text(t.module()));
                Span s = new Span(play, text(t.task()), text(t.module()), t.handler(), at);
                open.put(taskAt, s);
                spans.add(s);
            }
            case RunEvent.HostResult r -> hostResult(r, at);
            case RunEvent.RunEnded r -> complete = true;
            case RunEvent.Rescued r -> { }
            case RunEvent.PlayEnded p -> { }
            case RunEvent.BatchStarted b -> { }
        }
    }

    private void hostResult(RunEvent.HostResult r, Instant at) {
        String taskAt = text(r.taskAt());
        String status = r.status().label();
        TaskRun t = new TaskRun(play, text(r.task()), taskAt, modules.getOrDefault(taskAt, ""), status, r.ignored(),
                r.attempts(), r.duration().toMillis(), r.result(), r.error(),
                r.failureClass() == null ? null : r.failureClass().label(), at);
        String host = r.host();
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
            s.end = at;
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

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
