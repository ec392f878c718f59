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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The live view as a pure function of the run's events and the time. */
class ProgressViewTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> RACK = List.of("bmc01", "bmc02", "bmc03", "bmc04", "bmc05");

    /** A clock the test moves. */
    private static final class Manual extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(T0);

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(int seconds) {
            now.set(now.get().plusSeconds(seconds));
        }
    }

    private static RunEvent.HostResult result(String host, String at, RunEvent.Status s) {
        boolean bad = s == RunEvent.Status.FAILED || s == RunEvent.Status.UNREACHABLE;
        return new RunEvent.HostResult(host, "t" + at, "p.yml:" + at + ":3", s, false, 1, Duration.ofSeconds(1),
                Map.of(), bad ? "x" : null, s == RunEvent.Status.UNREACHABLE ? FailureClass.UNREACHABLE
                : bad ? FailureClass.ASSERTION : null);
    }

    private static RunEvent.TaskStarted task(String at) {
        return new RunEvent.TaskStarted("cycle", "t" + at, false, "p.yml:" + at + ":3", "power");
    }

    @Test
    void fixedHeightCountsBeforeNamesBatchAndWaitingHosts() {
        Manual clock = new Manual();
        ProgressState state = new ProgressState(clock);
        state.on(new RunEvent.PlayStarted("cycle", RACK));
        state.on(new RunEvent.BatchStarted("cycle", 1, 2, RACK.subList(0, 3)));
        state.on(task("1"));
        clock.advance(3);
        state.on(result("bmc01", "1", RunEvent.Status.OK));
        state.on(result("bmc02", "1", RunEvent.Status.UNREACHABLE));

        List<String> lines = ProgressView.render(state.snapshot(), clock.instant(), 200);
        assertEquals(List.of(
                "[0:03] hosts=5 failed=0 unreachable=1 batch 1/2 PLAY [cycle]",
                "  2/3 ok=1 changed=0 failed=0 unreachable=1 skipped=0 0:03 ETA 0:02 TASK [t1]",
                "",
                "",
                "  waiting for 1: bmc03"), lines);
        assertEquals(ProgressView.HEIGHT, lines.size());
        assertTrue(state.finished().isEmpty(), "a task with a host to go is not finished");

        state.on(result("bmc03", "1", RunEvent.Status.CHANGED));
        List<ProgressState.TaskTally> done = state.finished();
        assertEquals(1, done.size());
        assertEquals("TASK [t1] batch 1/2 ok=1 changed=1 failed=0 unreachable=1 skipped=0 in 3.0s "
                + "unreachable: bmc02", ProgressView.summary(done.getFirst()));
        state.on(task("2"));
        lines = ProgressView.render(state.snapshot(), clock.instant(), 200);
        assertEquals("  3/3 ok=1 changed=1 failed=0 unreachable=1 skipped=0 done 0:03 TASK [t1]", lines.get(1));
        assertEquals("  0/2 ok=0 changed=0 failed=0 unreachable=0 skipped=0 0:00 TASK [t2]", lines.get(2),
                "the host that left the play is not waited for");
        assertEquals(ProgressView.HEIGHT, lines.size());
    }

    @Test
    void finishedTasksInOrderFailedHostsFoldedAndTheRestAtThePlaysEnd() {
        Manual clock = new Manual();
        ProgressState state = new ProgressState(clock);
        state.on(new RunEvent.PlayStarted("cycle", RACK));
        state.on(new RunEvent.BatchStarted("cycle", 1, 1, RACK));
        state.on(task("1"));
        for (String h : RACK) {
            state.on(result(h, "1", h.equals("bmc05") ? RunEvent.Status.OK : RunEvent.Status.FAILED));
        }
        state.on(task("2"));
        state.on(result("bmc05", "2", RunEvent.Status.OK));
        state.on(task("3"));
        // run_once: one result where the batch had one host... and a task the play ends before every host reached
        state.on(new RunEvent.PlayEnded("cycle"));
        List<String> summaries = state.finished().stream().map(ProgressView::summary).toList();
        assertEquals(List.of(
                "TASK [t1] ok=1 changed=0 failed=4 unreachable=0 skipped=0 in 0.0s failed: bmc[01:04]",
                "TASK [t2] ok=1 changed=0 failed=0 unreachable=0 skipped=0 in 0.0s"), summaries,
                "a task no host answered leaves no line");
    }

    /** Hosts finish in any order; the line names them in order, so two tasks that failed alike read alike. */
    @Test
    void failedHostsAreSortedBeforeTheyAreFolded() {
        Manual clock = new Manual();
        ProgressState state = new ProgressState(clock);
        List<String> hosts = List.of("rack-d-bmc25", "rack-a-bmc02", "rack-b-bmc38", "rack-a-bmc01");
        state.on(new RunEvent.PlayStarted("audit", hosts));
        state.on(new RunEvent.BatchStarted("audit", 1, 1, hosts));
        state.on(task("1"));
        for (String h : hosts) {
            state.on(result(h, "1", RunEvent.Status.FAILED));
        }
        assertEquals("TASK [t1] ok=0 changed=0 failed=4 unreachable=0 skipped=0 in 0.0s "
                + "failed: rack-a-bmc[01:02],rack-b-bmc38,rack-d-bmc25", ProgressView.summary(state.finished().getFirst()));
    }

    @Test
    void narrowTerminalsKeepTheCounts() {
        ProgressState state = new ProgressState(Clock.fixed(T0, ZoneOffset.UTC));
        state.on(new RunEvent.PlayStarted("a play with a long name that will not fit", RACK));
        state.on(new RunEvent.TaskStarted("p", "a task with a very long name indeed", false, "p.yml:1:3", "power"));
        state.on(result("bmc01", "1", RunEvent.Status.FAILED));
        List<String> lines = ProgressView.render(state.snapshot(), T0, 60);
        assertEquals(ProgressView.HEIGHT, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.length() < 60), lines.toString());
        assertTrue(lines.get(0).contains("failed=1 unreachable=0"), lines.toString());
        assertTrue(lines.get(1).contains("failed=1 unreachable=0"), lines.toString());
        assertEquals("1:01:01", ProgressView.clock(3661));
    }

    @Test
    void aFrameRedrawsEveryLineWithoutWrapAndReturnsToItsFirstLine() {
        String frame = StatusArea.frame(List.of("one", "two\u001b[2J", "three"));
        assertEquals("\u001b[?7l\r\u001b[2Kone\r\n\u001b[2Ktwo?[2J\r\n\u001b[2Kthree\u001b[J\u001b[2A\r\u001b[?7h",
                frame);
        assertEquals("\r\u001b[2K\r\n\u001b[2K\u001b[1A\rdone\r\n", StatusArea.above(List.of("done"), 2));
    }
}
