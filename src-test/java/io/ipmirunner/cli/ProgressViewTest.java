package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.executor.FailureClass;
import io.ipmirunner.executor.RunEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status area as a pure function of the run's events and the time. */
class ProgressViewTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static RunEvent.HostResult result(String host, String task, RunEvent.Status s, int seconds) {
        return new RunEvent.HostResult(host, task, "p.yml:1:1", s, false, 1, Duration.ofSeconds(seconds), Map.of(),
                s == RunEvent.Status.OK ? null : "x", s == RunEvent.Status.OK ? null : FailureClass.UNREACHABLE);
    }

    @Test
    void countsRateEtaAndSlowestHosts() {
        ProgressState state = new ProgressState(Clock.fixed(T0, ZoneOffset.UTC));
        state.on(new RunEvent.PlayStarted("cycle", List.of("a", "b", "c", "d", "e")));
        state.on(new RunEvent.TaskStarted("cycle", "status", false, "p.yml:1:3", "power"));
        state.on(result("a", "status", RunEvent.Status.OK, 1));
        state.on(result("b", "status", RunEvent.Status.UNREACHABLE, 20));
        state.on(result("c", "status", RunEvent.Status.OK, 3));
        state.on(result("d", "status", RunEvent.Status.OK, 2));
        state.on(result("e", "status", RunEvent.Status.OK, 1));
        state.on(new RunEvent.TaskStarted("cycle", "cycle", false, "p.yml:1:3", "power"));
        state.on(result("a", "cycle", RunEvent.Status.CHANGED, 1));

        List<String> lines = ProgressView.render(state.snapshot(), T0.plusSeconds(10), 200);
        assertEquals(List.of(
                "[0:10] PLAY [cycle] 5 hosts, 6 results, 0.6/s",
                "  TASK [status] 5/5 ok=4 changed=0 failed=0 unreachable=1 skipped=0 done in 0:10",
                "  TASK [cycle] 1/4 ok=0 changed=1 failed=0 unreachable=0 skipped=0 ETA 0:30",
                "  slowest: a 1.0s"), lines);
    }

    @Test
    void onlyTheLatestTasksAndLinesCutToTheWidth() {
        ProgressState state = new ProgressState(Clock.fixed(T0, ZoneOffset.UTC));
        state.on(new RunEvent.PlayStarted("p", List.of("a")));
        for (int i = 1; i <= 5; i++) {
            state.on(new RunEvent.TaskStarted("p", "t" + i, false, "p.yml:1:3", "power"));
        }
        List<String> lines = ProgressView.render(state.snapshot(), T0, 30);
        assertEquals(1 + ProgressView.TASKS_SHOWN, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("  TASK [t3]"), lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.length() <= 30), lines.toString());
        assertEquals("1:01:01", ProgressView.clock(3661));
    }
}
