package io.ipmirunner.ipmi.client;

import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.AUTH_CAPABILITIES;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.CLOSE_SESSION;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.COMMAND;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.OPEN_SESSION;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.PRESENCE_PROBE;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.RAKP_1;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.RAKP_3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.chassis.ChassisControl;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.ipmi.wire.CompletionCode;
import io.ipmirunner.sim.fault.FaultProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The engine's timing inside a session, on fake time with the simulator's packet handler: retransmission and
 * back-off, round-trip samples, late answers of abandoned attempts, busy answers, a BMC that dies or loses
 * the session, and close. Each datagram takes 2 ms; cipher suite 2 leaves requests readable on the wire.
 */
class SessionFakeClockTest {
    private static final SessionConfig SUITE_2 = FakeClockRig.admin().withCipherSuite(2);
    private static final int GET_DEVICE_ID = Commands.GET_DEVICE_ID.cmd();
    private static final int CHASSIS_CONTROL = Commands.CHASSIS_CONTROL.cmd();

    private static FakeClockRig loggedIn(Timing timing, FaultProfile faults) {
        FakeClockRig rig = new FakeClockRig(SUITE_2, timing, faults);
        Operation first = rig.submit(Operation.getDeviceId("login"));
        rig.runUntilDone(first, 5_000);
        assertFalse(first.result.isCompletedExceptionally(), "logged in: " + rig.wire);
        return rig;
    }

    private static Operation read() {
        return Operation.getDeviceId("test");
    }

    private static Operation chassisControl() {
        var spec = Commands.CHASSIS_CONTROL;
        byte[] data = new ChassisControl(ChassisControl.HARD_RESET).toBytes();
        return new Operation(spec.name(), spec.netFn(), spec.cmd(), data);
    }

    /** The gaps between the sends of the commands numbered {@code from} on (1-based among all COMMAND sends). */
    private static List<Long> commandGaps(FakeClockRig rig, int from) {
        List<FakeClockRig.Wire> sends = rig.sent(COMMAND);
        List<Long> gaps = new ArrayList<>();
        for (int i = from; i < sends.size(); i++) {
            gaps.add(sends.get(i).atMillis() - sends.get(i - 1).atMillis());
        }
        return gaps;
    }

    private static IpmiException failure(Operation op) {
        assertTrue(op.result.isCompletedExceptionally(), "failed");
        var e = assertThrows(CompletionException.class, op.result::join);
        return assertInstanceOf(IpmiException.class, e.getCause());
    }

    @Test
    void aMeasuredBmcBacksOffToFourTimeoutsWithA250MillisecondFloor() {
        FakeClockRig rig = loggedIn(Timing.DEFAULT, FaultProfile.NONE);
        // Silent altogether (presence probes too, else two answered probes would call the session lost).
        rig.drop = (k, n) -> k == COMMAND && n >= 2 && n <= 6 || k == PRESENCE_PROBE;
        Operation op = rig.submit(read());
        rig.runUntilDone(op, 5_000);
        assertFalse(op.result.isCompletedExceptionally());
        // Measured at 4 ms: 50 ms (the minimum), doubled to the 250 ms floor of 4 x 50 ms, and held there.
        assertEquals(List.of(50L, 100L, 200L, 250L, 250L), commandGaps(rig, 2));
    }

    @Test
    void anUnmeasuredBmcWaitsTheFirstTimeoutTwiceThenDoublesToTwoSeconds() {
        FakeClockRig rig = new FakeClockRig(SUITE_2, Timing.DEFAULT, FaultProfile.NONE);
        rig.drop = (k, n) -> k == AUTH_CAPABILITIES && n <= 4;
        Operation op = rig.submit(read());
        rig.runUntilDone(op, 10_000);
        List<Long> sends = rig.sent(AUTH_CAPABILITIES).stream().map(FakeClockRig.Wire::atMillis).toList();
        assertEquals(List.of(0L, 500L, 1000L, 2000L, 4000L), sends);
    }

    @Test
    void aResentReadWhoseReplyCarriesTheLatestRqSeqIsARoundTripSample() {
        FakeClockRig rig = loggedIn(Timing.DEFAULT, FaultProfile.NONE);
        rig.drop = (k, n) -> k == COMMAND && (n == 2 || n == 4);
        Operation first = rig.submit(read());
        rig.runUntilDone(first, 5_000);
        Operation second = rig.submit(read());
        rig.runUntilDone(second, 5_000);
        // The first read's resend was answered and measured, so the backed-off 100 ms did not stay.
        assertEquals(List.of(50L, 4L, 50L), commandGaps(rig, 2));
    }

    @Test
    void aLateReplyToAnEarlierCopyCompletesTheRead() {
        FakeClockRig rig = loggedIn(Timing.DEFAULT, FaultProfile.NONE);
        rig.delay = (k, n) -> k == COMMAND && n == 2;
        rig.delayMillis = 80;
        rig.drop = (k, n) -> k == COMMAND && n == 3;
        long start = rig.millis();
        Operation op = rig.submit(read());
        long done = rig.runUntilDone(op, 5_000);
        assertFalse(op.result.isCompletedExceptionally());
        assertEquals(84, done - start, "the first copy's answer, 80 ms late, is the answer");
        assertEquals(2, rig.sent(COMMAND).size() - 1);
    }

    @Test
    void aLateRakp2OfAnAbandonedAttemptCompletesTheLogin() {
        // Every password check takes 1.1 s, longer than the RAKP 1 timeout (1 s): each RAKP 2 comes late.
        FakeClockRig rig = new FakeClockRig(SUITE_2, Timing.DEFAULT, FaultProfile.NONE);
        rig.delay = (k, n) -> k == RAKP_1;
        rig.delayMillis = 1100;
        Operation op = rig.submit(read());
        long done = rig.runUntilDone(op, 20_000);
        assertFalse(op.result.isCompletedExceptionally(), rig.wire.toString());
        long rakp1 = rig.sent(RAKP_1).getFirst().atMillis();
        assertEquals(2, rig.sent(OPEN_SESSION).size(), "restarted once at the timeout");
        assertEquals(rakp1 + 4 + 1100, rig.sent(RAKP_3).getFirst().atMillis(), "RAKP 3 answers the first RAKP 2");
        assertTrue(done < rakp1 + 1200, "done at " + done + " ms, not after a second password check");
    }

    @Test
    void busyAnswersAreAskedAgainWithBackOffAndAreNoRetransmissions() {
        FakeClockRig rig = new FakeClockRig(SUITE_2, Timing.DEFAULT, FaultProfile.NONE.withBusyRate(1.0));
        Operation op = rig.submit(read());
        rig.runUntilDone(op, 10_000);
        // Eight re-asks after 100, 200, 400 and then 800 ms (plus the 4 ms round trip); the ninth busy answer
        // is the command's answer.
        assertEquals(List.of(104L, 204L, 404L, 804L, 804L, 804L, 804L, 804L), commandGaps(rig, 1));
        assertTrue(op.result.isDone() && !op.result.isCompletedExceptionally(), "answered");
        assertEquals(CompletionCode.NODE_BUSY, op.result.join().completionCode());
        assertEquals(8, rig.stats.busyAnswers());
        assertEquals(0, rig.stats.retransmits());
    }

    @Test
    void aBmcBusyPastTheDeadlineFailsWithTheBusyCodeAtTheDeadline() {
        FakeClockRig rig = new FakeClockRig(SUITE_2, Timing.DEFAULT.withTimeoutMillis(3000),
                FaultProfile.NONE.withBusyRate(1.0));
        Operation op = rig.submit(read());
        rig.runUntilDone(op, 10_000);
        long sent = rig.sent(COMMAND).getFirst().atMillis();
        IpmiException e = failure(op);
        var cc = assertInstanceOf(IpmiException.CompletionCodeError.class, e, e.getMessage());
        assertEquals(CompletionCode.NODE_BUSY, cc.code());
        assertEquals(sent + 3000, rig.millis());
    }

    @Test
    void aBmcThatDiesMidSessionFailsTheCommandAsATimeoutAtItsDeadline() {
        Timing timing = Timing.DEFAULT.withRetransmitMillis(100).withTimeoutMillis(3000);
        FakeClockRig rig = loggedIn(timing, FaultProfile.NONE);
        rig.drop = (k, n) -> true;
        long start = rig.millis();
        Operation op = rig.submit(read());
        rig.runUntilDone(op, 10_000);
        IpmiException e = failure(op);
        assertInstanceOf(IpmiException.Timeout.class, e, e.getMessage());
        assertTrue(e.getMessage().contains("timeout in command after 3000 ms"), e.getMessage());
        assertEquals(start + 3000, rig.millis());
        assertEquals(SessionMachine.Stage.IDLE, rig.machine.stage(), "the session is given up for a fresh login");
        assertEquals(1, rig.sent(CLOSE_SESSION).size(), "with one Close Session, not awaited");
    }

    @Test
    void aBmcThatLostTheSessionIsLoggedIntoAgainAfterTwoAnsweredProbesAndTheReadGoesOutThere() {
        FakeClockRig rig = loggedIn(Timing.DEFAULT, FaultProfile.NONE);
        rig.restartBmc();
        Operation op = rig.submit(read());
        rig.runUntilDone(op, 10_000);
        assertFalse(op.result.isCompletedExceptionally(), rig.wire.toString());
        List<FakeClockRig.Kind> after = rig.sentKinds().subList(6, rig.sentKinds().size());
        // Sent three times in the lost session, a probe with each resend; then one Close Session for the
        // abandoned session, a fresh login, and the read once more.
        assertEquals(List.of(COMMAND, COMMAND, PRESENCE_PROBE, COMMAND, PRESENCE_PROBE, CLOSE_SESSION,
                AUTH_CAPABILITIES, OPEN_SESSION, RAKP_1, RAKP_3, FakeClockRig.Kind.SET_PRIVILEGE, COMMAND), after);
    }

    @Test
    void twoCopiesLostWhileTheProbesComeBackIsOrdinaryLossNotALostSession() {
        FakeClockRig rig = loggedIn(Timing.DEFAULT, FaultProfile.NONE);
        rig.drop = (k, n) -> k == COMMAND && (n == 2 || n == 3);
        Operation op = rig.submit(read());
        rig.runUntilDone(op, 10_000);
        assertFalse(op.result.isCompletedExceptionally());
        // The second probe is answered with the third copy, before its timer runs out: the session holds.
        assertEquals(2, rig.sent(PRESENCE_PROBE).size());
        assertEquals(1, rig.sent(AUTH_CAPABILITIES).size(), "no second login");
        assertEquals(0, rig.sent(CLOSE_SESSION).size());
    }

    @Test
    void aWriteIsNeverSentAgainAfterTheSessionWasLost() {
        FakeClockRig rig = loggedIn(Timing.DEFAULT.withTimeoutMillis(3000), FaultProfile.NONE);
        rig.restartBmc();
        Operation op = rig.submit(chassisControl());
        rig.runUntilDone(op, 10_000);
        IpmiException e = failure(op);
        assertInstanceOf(IpmiException.Timeout.class, e, e.getMessage());
        assertTrue(e.getMessage().contains("session"), e.getMessage());
        assertEquals(1, rig.sent(AUTH_CAPABILITIES).size(), "no fresh login while the write waited");
        assertTrue(rig.commands().stream().filter(c -> c == CHASSIS_CONTROL).count() >= 1);
    }

    @Test
    void theLastHandleLetGoClosesTheSession() {
        FakeClockRig rig = loggedIn(Timing.DEFAULT, FaultProfile.NONE);
        long start = rig.millis();
        rig.handle(new SessionEvent.Release());
        rig.runUntil(() -> rig.machine.stage() == SessionMachine.Stage.CLOSED, 5_000);
        assertEquals(SessionMachine.Stage.CLOSED, rig.machine.stage());
        assertEquals(start + 4, rig.millis());
        assertEquals(1, rig.stats.sessionsClosed());
        assertTrue(rig.effects.getLast() instanceof SessionEffect.Closed);
    }

    @Test
    void aCloseWhoseRepliesAreLostIsSentTwiceAndGivenUpAfterTwoTimeouts() {
        FakeClockRig rig = loggedIn(Timing.DEFAULT, FaultProfile.NONE);
        rig.drop = (k, n) -> k == CLOSE_SESSION;
        long start = rig.millis();
        rig.handle(new SessionEvent.Release());
        rig.runUntil(() -> rig.machine.stage() == SessionMachine.Stage.CLOSED, 5_000);
        assertEquals(SessionMachine.Stage.CLOSED, rig.machine.stage());
        List<Long> closes = rig.sent(CLOSE_SESSION).stream().map(FakeClockRig.Wire::atMillis).toList();
        assertEquals(List.of(start, start + 50), closes);
        assertEquals(start + 100, rig.millis());
    }

    @Test
    void anAbortDuringTheLoginFailsWhatWaitsAndClosesAtOnce() {
        FakeClockRig rig = new FakeClockRig(SUITE_2, Timing.DEFAULT, FaultProfile.NONE);
        rig.drop = (k, n) -> k == RAKP_1;
        Operation op = rig.submit(read());
        rig.runUntil(() -> !rig.sent(RAKP_1).isEmpty(), 5_000);
        var reason = new IpmiException.ProtocolError("fake", Phase.CLOSE, "run interrupted");
        rig.handle(new SessionEvent.Abort(reason));
        assertEquals(reason, failure(op));
        assertEquals(SessionMachine.Stage.CLOSED, rig.machine.stage());
        long before = rig.wire.size();
        rig.runUntil(() -> false, 30_000);
        assertEquals(before, rig.wire.size(), "no timer of the login outlives it");
    }
}
