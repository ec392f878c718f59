package io.ipmirunner.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code report merge}: one run made of the run directories of its shards ({@code --shard K/N}, one per pod
 * of a Kubernetes Indexed Job, or one per site). The hosts are the union of the shards' hosts, each with its
 * own results; the timeline holds every shard's spans. Runs of different playbooks, or sharing a host (a
 * shard given twice, or two splits of one inventory), are refused: their union would not be one run. Shard
 * labels alone prove nothing: every site's Job has a shard 1/N. Pure.
 */
public final class RunMerge {
    private RunMerge() {}

    /** A shard's run and the directory it was read from, which errors name. */
    public record Part(Path dir, RunRecord run) {}

    public static RunRecord merge(List<Part> parts) {
        if (parts.isEmpty()) {
            throw new ReportException(ReportException.Kind.MISSING, "no run directory to merge");
        }
        Part first = parts.getFirst();
        Map<String, Object> request = new LinkedHashMap<>(first.run().request());
        request.remove("shard");
        List<String> shards = new ArrayList<>();
        Map<String, Path> hostFrom = new HashMap<>();
        Map<String, HostRecord> hosts = new LinkedHashMap<>();
        List<String> plays = new ArrayList<>();
        List<TaskSpan> spans = new ArrayList<>();
        Instant started = null;
        Instant ended = null;
        boolean complete = true;
        int starts = 0;
        for (Part p : parts) {
            RunRecord r = p.run();
            if (!Objects.equals(r.request().get("playbook"), first.run().request().get("playbook"))) {
                throw mismatch(p.dir() + " ran " + r.request().get("playbook") + ", " + first.dir() + " ran "
                        + first.run().request().get("playbook") + ": shards of different runs");
            }
            Object shard = r.request().get("shard");
            if (shard != null) {
                shards.add(shard.toString());
            }
            for (var h : r.hosts().entrySet()) {
                Path other = hostFrom.putIfAbsent(h.getKey(), p.dir());
                if (other != null) {
                    throw mismatch("host " + h.getKey() + " is in " + other + " and in " + p.dir()
                            + ": shards must not overlap");
                }
                hosts.put(h.getKey(), h.getValue());
            }
            r.plays().stream().filter(play -> !plays.contains(play)).forEach(plays::add);
            spans.addAll(r.spans());
            started = earliest(started, r.started());
            ended = r.ended() == null ? ended : ended == null || r.ended().isAfter(ended) ? r.ended() : ended;
            complete &= r.complete();
            starts = Math.max(starts, r.starts());
        }
        if (!shards.isEmpty()) {
            request.put("shards", shards.stream().sorted().toList());
        }
        spans.sort(Comparator.comparing(TaskSpan::start));
        return new RunRecord(request, started, ended, complete, starts, plays, hosts, spans);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static ReportException mismatch(String why) {
        return new ReportException(ReportException.Kind.MISMATCH, why);
    }
}
