package io.ipmirunner.ipmi.client;

import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.COMMAND;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.RAKP_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.SimHarness;
import io.ipmirunner.sim.fault.FaultProfile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Deadlines and pacing on fake time: one deadline for a whole login, whatever its restarts, reported with the
 * time it took; a silent BMC is unreachable, one with every session slot taken says so; commands to a paced
 * BMC go out no closer than its interval. The wall-clock versions of these (LoginDeadlineTest,
 * SessionSlotsTakenTest, PacingTest) keep checking the same against sockets, without timing the run.
 */
class DeadlinesFakeClockTest {
    private static final SessionConfig SUITE_2 = FakeClockRig.admin().withCipherSuite(2);
    private static final Timing ONE_SECOND = Timing.DEFAULT.withRetransmitMillis(100).withTimeoutMillis(1000);

    private static IpmiException failure(Operation op) {
        assertTrue(op.result.isDone(), "the operation ended");
        var e = assertThrows(CompletionException.class, op.result::join);
        return assertInstanceOf(IpmiException.class, e.getCause());
    }

    @Test
    void aLoginRestartedByRakpTimeoutsEndsAtItsOneDeadlineAndSaysSo() {
        FakeClockRig rig = new FakeClockRig(SUITE_2, ONE_SECOND, FaultProfile.NONE);
        rig.delay = (k, n) -> k == RAKP_1;
        rig.delayMillis = 10_000;
        Operation op = rig.submit(Operation.getDeviceId("test"));
        rig.runUntilDone(op, 30_000);
        IpmiException e = failure(op);
        assertInstanceOf(IpmiException.Timeout.class, e, e.getMessage());
        assertEquals(1000, rig.millis(), "one deadline for the login, not one per step");
        // Every datagram but the error RAKP 3s that release the abandoned handshakes (no RAKP 2 came in time).
        int sent = (int) rig.wire.stream().filter(w -> w.toBmc() && w.kind() != FakeClockRig.Kind.RAKP_3).count();
        assertTrue(e.getMessage().contains("after 1000 ms (" + sent + " attempts)"), e.getMessage());
        assertTrue(rig.sent(RAKP_1).size() > 1, "restarted: " + rig.sentKinds());
    }

    @Test
    void aBmcThatNeverAnswersIsUnreachableAtTheDeadline() {
        FakeClockRig rig = new FakeClockRig(SUITE_2, ONE_SECOND, FaultProfile.NONE);
        rig.drop = (k, n) -> true;
        Operation op = rig.submit(Operation.getDeviceId("test"));
        rig.runUntilDone(op, 30_000);
        IpmiException e = failure(op);
        assertInstanceOf(IpmiException.Unreachable.class, e, e.getMessage());
        assertEquals(Phase.DISCOVERY, e.phase());
        assertEquals(1000, rig.millis());
    }

    @Test
    void aBmcWithEverySlotTakenIsReportedAsSuchAtTheDeadline() {
        var profile = SimHarness.profile(BmcSettings.DEFAULTS, FaultProfile.NONE.withSessionsExhausted(true));
        FakeClockRig rig = new FakeClockRig(SUITE_2, Timing.DEFAULT.withTimeoutMillis(2000), profile);
        Operation op = rig.submit(Operation.getDeviceId("test"));
        rig.runUntilDone(op, 30_000);
        IpmiException e = failure(op);
        assertInstanceOf(IpmiException.ProtocolError.class, e, e.getMessage());
        assertTrue(e.getMessage().contains("insufficient resources"), e.getMessage());
        assertTrue(e.getMessage().contains("session slot"), e.getMessage());
        assertEquals(2000, rig.millis());
    }

    @Test
    void commandsToAPacedBmcGoOutOneIntervalApart() {
        var profile = SimHarness.profile(BmcSettings.DEFAULTS, FaultProfile.NONE);
        FakeClockRig rig = new FakeClockRig(SUITE_2, Timing.DEFAULT, profile, Duration.ofMillis(150));
        Operation first = rig.submit(Operation.getDeviceId("login"));
        rig.runUntilDone(first, 5_000);
        List<Operation> ops = List.of(rig.submit(Operation.getDeviceId("a")), rig.submit(Operation.getDeviceId("b")),
                rig.submit(Operation.getDeviceId("c")));
        rig.runUntilDone(ops.getLast(), 5_000);
        List<Long> at = rig.sent(COMMAND).stream().map(FakeClockRig.Wire::atMillis).toList();
        assertEquals(List.of(at.getFirst(), at.getFirst() + 150, at.getFirst() + 300, at.getFirst() + 450), at);
    }
}
