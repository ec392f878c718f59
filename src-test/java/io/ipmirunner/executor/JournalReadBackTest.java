package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.report.HostRecord;
import io.ipmirunner.report.RunReader;
import io.ipmirunner.report.RunRecord;
import io.ipmirunner.report.TaskRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the journal wrote, --resume and the report read back alike: equal values, numbers of the same type. */
class JournalReadBackTest {
    @Test
    void resumeAndReportReadTheValuesTheRunMade(@TempDir Path dir) throws Exception {
        List<RunEvent> events = JournalCodecTest.everyKind();
        List<JournalCodec.Entry> wrote;
        try (Journal j = new Journal(dir, new FakeTime())) {
            events.forEach(j::on);
            wrote = j.wholeRun().orElseThrow();
        }
        RunEvent.HostResult n1 = (RunEvent.HostResult) events.get(4);
        RunEvent.HostResult n2a = (RunEvent.HostResult) events.get(5);
        RunEvent.HostResult n2 = (RunEvent.HostResult) events.get(6);

        Resume resume = Resume.from(dir);
        assertEquals(3, resume.size());
        assertEquals(List.of(n1), resume.finished("n1", "p.yml:3:7"));
        assertEquals(List.of(n2a, n2), resume.finished("n2", "p.yml:3:7"), "each is replayed once, in order");

        RunRecord run = RunReader.read(dir);
        assertEquals(Map.of("playbook", "p.yml", "inventory", List.of("inv.yml", "more.yml"), "check", true,
                "user", "ops"), withoutNulls(run.request()));
        TaskRun fru = run.hosts().get("n1").tasks().getFirst();
        assertEquals(n1.result(), fru.result());
        assertEquals(JournalCodecTest.awkwardResult().get("nested"), fru.result().get("nested"));
        assertEquals(List.of("ok", 3, 1234L, "Read FRU", "fru"),
                List.of(fru.status(), fru.attempts(), fru.durationMs(), fru.task(), fru.module()));
        HostRecord h2 = run.hosts().get("n2");
        assertEquals(List.of("timeout", "unreachable"), h2.tasks().stream().map(TaskRun::failureClass).toList());
        assertEquals(List.of("n2: timeout in command"), h2.tasks().stream().filter(t -> t.error() != null)
                .map(TaskRun::error).toList());
        assertEquals(true, run.complete());
        assertEquals(run, RunReader.of(wrote), "the reports at the end of a run, from what the journal wrote, "
                + "are those of the file read back");
        try (Journal appended = new Journal(dir, new FakeTime())) {
            assertTrue(appended.wholeRun().isEmpty(), "a resumed run's journal does not hold the older lines");
        }
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> m) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(m);
        out.values().removeIf(java.util.Objects::isNull);
        return out;
    }
}
