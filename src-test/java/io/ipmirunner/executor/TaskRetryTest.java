package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.modules.ModuleResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * retries / delay / until as in ansible-core 2.16+ (TaskExecutor._execute: 1 + retries tries, delay apart,
 * until defaulting to "did not fail", retries: 0 one try), and our backoff keyword.
 */
class TaskRetryTest {
    /** A status read whose until never holds: 6 tries. */
    private static final String NEVER_ON = """
            - power: {state: status}
              register: p
              until: p.state == "on"
              retries: 5
              delay: 1s
            """;

    @TempDir
    Path dir;

    private RunEvent.HostResult runOne(String task, FakeModule.Script script, PlayHarness h) throws Exception {
        FakeModule power = new FakeModule("power", script);
        h.run("- hosts: all\n  tasks:\n" + task.indent(4), 1, 1, power);
        return h.results().getFirst();
    }

    private static ModuleResult off(String host, Map<String, String> args, int call) {
        return new ModuleResult(false, Map.of("state", "off"));
    }

    private static ModuleResult refused(String host, Map<String, String> args, int call) throws IpmiException {
        throw new IpmiException.AuthenticationFailed(host, Phase.RAKP_1, "no such user");
    }

    @Test
    void untilThatNeverHoldsGivesUpAfterSixTriesOneSecondApart() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        var r = runOne(NEVER_ON, TaskRetryTest::off, h);
        assertEquals(RunEvent.Status.FAILED, r.status());
        assertEquals(6, r.attempts());
        assertEquals(Collections.nCopies(5, Duration.ofSeconds(1)), h.time.sleeps);
        assertEquals(Duration.ofSeconds(5), r.duration());
        assertEquals("gave up after 6 attempts: p.state == \"on\" never held", r.error());
        assertEquals(FailureClass.RETRIES, r.failureClass());
    }

    @Test
    void retriesWithoutUntilRetryUntilTheTaskDoesNotFail() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        var r = runOne("- power: {state: status}\n  retries: 4", (host, a, n) -> n < 3 ? refused(host, a, n)
                : new ModuleResult(false, Map.of("state", "on")), h);
        assertEquals(RunEvent.Status.OK, r.status());
        assertEquals(3, r.attempts());
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5)), h.time.sleeps);
    }

    @Test
    void untilAloneMeansThreeRetriesFiveSecondsApart() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        var r = runOne("- power: {state: status}\n  register: p\n  until: p.state == \"on\"", TaskRetryTest::off, h);
        assertEquals(4, r.attempts());
        assertEquals(Collections.nCopies(3, Duration.ofSeconds(5)), h.time.sleeps);
    }

    @Test
    void retriesZeroTriesOnceAndDoesNotAskUntil() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        var r = runOne("- power: {state: status}\n  register: p\n  until: p.state == \"on\"\n  retries: 0",
                TaskRetryTest::off, h);
        assertEquals(RunEvent.Status.OK, r.status());
        assertEquals(1, r.attempts());
        assertEquals(List.of(), h.time.sleeps);
    }

    @Test
    void delayAloneDoesNotRetry() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        var r = runOne("- power: {state: status}\n  delay: 1s", TaskRetryTest::refused, h);
        assertEquals(RunEvent.Status.FAILED, r.status());
        assertEquals(1, r.attempts());
        assertEquals(List.of(), h.time.sleeps);
    }

    @Test
    void untilIsAskedAfterAFailedTryAndAnUnreadableOneIsNotYet() throws Exception {
        PlayHarness stops = new PlayHarness(dir);
        var r = runOne("- power: {state: status}\n  register: p\n  until: p.failed\n  retries: 3",
                TaskRetryTest::refused, stops);
        assertEquals(RunEvent.Status.FAILED, r.status());
        assertEquals(1, r.attempts());
        assertEquals(FailureClass.AUTH, r.failureClass());
        PlayHarness goesOn = new PlayHarness(dir);
        var unread = runOne("- power: {state: status}\n  register: p\n  until: p.state == \"on\"\n  retries: 2\n"
                + "  delay: 1s", TaskRetryTest::refused, goesOn);
        assertEquals(3, unread.attempts());
        assertEquals(FailureClass.AUTH, unread.failureClass(), "the module's error, not the unreadable until");
    }

    @Test
    void backoffGrowsFromTheDelayUpToItsMax() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        var r = runOne(NEVER_ON + "  backoff: {factor: 2, max: 5s, jitter: 0}", TaskRetryTest::off, h);
        assertEquals(6, r.attempts());
        assertEquals(List.of(1L, 2L, 4L, 5L, 5L), h.time.sleeps.stream().map(Duration::toSeconds).toList());
    }
}
