package io.ipmirunner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** report merge: shards of one run join; parts of different runs are refused with the reason. */
class RunMergeTest {
    private static RunRecord run(String playbook, String shard, String... hosts) {
        Map<String, Object> request = new java.util.LinkedHashMap<>();
        request.put("playbook", playbook);
        if (shard != null) {
            request.put("shard", shard);
        }
        Map<String, HostRecord> records = new java.util.LinkedHashMap<>();
        for (String h : hosts) {
            records.put(h, new HostRecord(h, List.of()));
        }
        Instant t = Instant.parse("2026-12-03T09:00:00Z").plusSeconds(hosts.length);
        return new RunRecord(request, t, t.plusSeconds(10), true, 1, List.of("P"), records, List.of());
    }

    private static RunMerge.Part part(String dir, RunRecord r) {
        return new RunMerge.Part(Path.of(dir), r);
    }

    @Test
    void shardsOfOneRunJoin() {
        RunRecord m = RunMerge.merge(List.of(part("s1", run("p.yml", "1/2", "a", "b")),
                part("s2", run("p.yml", "2/2", "c"))));
        assertEquals(List.of("a", "b", "c"), List.copyOf(m.hosts().keySet()));
        assertEquals(List.of("1/2", "2/2"), m.request().get("shards"));
        assertEquals(Instant.parse("2026-12-03T09:00:01Z"), m.started());
        assertEquals(Instant.parse("2026-12-03T09:00:12Z"), m.ended());
    }

    @Test
    void partsOfDifferentRunsAreRefused() {
        for (var parts : List.of(
                List.of(part("s1", run("p.yml", "1/2", "a")), part("s2", run("q.yml", "2/2", "b"))),
                List.of(part("s1", run("p.yml", "1/2", "a")), part("s2", run("p.yml", "2/3", "a", "b"))),
                List.of(part("s1", run("p.yml", "1/2", "a")), part("s2", run("p.yml", "1/2", "a"))))) {
            ReportException e = assertThrows(ReportException.class, () -> RunMerge.merge(parts));
            assertEquals(ReportException.Kind.MISMATCH, e.kind());
            assertTrue(e.getMessage().contains("s2"), e.getMessage());
        }
    }

    @Test
    void sitesEachWithTheirOwnShardOneMerge() {
        RunRecord m = RunMerge.merge(List.of(part("site-a", run("p.yml", "1/1", "a1")),
                part("site-b", run("p.yml", "1/1", "b1"))));
        assertEquals(List.of("a1", "b1"), List.copyOf(m.hosts().keySet()));
    }
}
