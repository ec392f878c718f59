package io.ipmirunner.ipmi.client;

import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.CLOSE_SESSION;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.COMMAND;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.OPEN_SESSION;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.RAKP_1;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.RAKP_3;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.REPLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.client.FakeClockRig.Kind;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.sim.BmcProfile;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.SimHarness;
import io.ipmirunner.sim.fault.FaultProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The session leak under loss: a login restarted after a lost RAKP 4 left the session the BMC had already
 * established to its idle timeout (a minute), so a BMC with a handful of slots ran out of them (BigFleetTest,
 * now and then: "all 4 slots taken"). A handshake the login gives up is now released: a RAKP 3 with an error
 * status, and where RAKP 3 went out a Close Session in the session it may have opened. A login aborted (Ctrl-C,
 * shutdown) with a handshake open releases it the same way.
 */
class HandshakeReleaseFakeClockTest {
    private static final SessionConfig SUITE_2 = FakeClockRig.admin().withCipherSuite(2);
    private static final BmcProfile TWO_SLOTS = SimHarness.profile(BmcSettings.DEFAULTS.withSessionLimit(2),
            FaultProfile.NONE);
    private static final BmcProfile ONE_SLOT = SimHarness.profile(BmcSettings.DEFAULTS.withSessionLimit(1),
            FaultProfile.NONE);

    private static Operation ask(FakeClockRig rig) {
        Operation op = rig.submit(Operation.getDeviceId("test"));
        rig.runUntilDone(op, 10_000);
        assertTrue(op.result.isDone(), "ended");
        return op;
    }

    /** A second console logs in to the same BMC, now: it needs a free slot. */
    private static Operation secondConsole(FakeClockRig first) {
        FakeClockRig second = new FakeClockRig(SUITE_2, Timing.DEFAULT.withTimeoutMillis(3000), TWO_SLOTS);
        second.bmc = first.bmc;
        second.now = first.now;
        return ask(second);
    }

    @Test
    void aSessionLeftByALostRakp4IsClosedSoItsSlotIsFree() {
        FakeClockRig first = new FakeClockRig(SUITE_2, Timing.DEFAULT, TWO_SLOTS);
        first.drop = (k, n) -> k == REPLY && n == 4; // replies: capabilities, Open Session, RAKP 2, RAKP 4
        assertFalse(ask(first).result.isCompletedExceptionally(), first.wire.toString());
        assertEquals(2, first.sent(OPEN_SESSION).size(), "restarted after the lost RAKP 4");
        // The first console holds one slot; without the release the abandoned session held the other.
        Operation other = secondConsole(first);
        assertFalse(other.result.isCompletedExceptionally(), "the second console found a free slot");
        assertEquals(1, first.sent(CLOSE_SESSION).size(), "the first handshake's session was closed");
    }

    @Test
    void aHandshakeWhoseRakp2WasLostIsEndedWithAnErrorRakp3() {
        FakeClockRig rig = new FakeClockRig(SUITE_2, Timing.DEFAULT, TWO_SLOTS);
        rig.drop = (k, n) -> k == REPLY && n == 3; // RAKP 2 of the first attempt
        assertFalse(ask(rig).result.isCompletedExceptionally());
        assertEquals(2, rig.sent(RAKP_1).size());
        // The second attempt's RAKP 3 (status 0) and the release of the first (an error status).
        assertEquals(2, rig.sent(RAKP_3).size(), rig.sentKinds().toString());
        assertEquals(0, rig.sent(CLOSE_SESSION).size(), "RAKP 3 never went out for the first: no session to close");
    }

    @Test
    void noReleaseGoesOutWithoutLoss() {
        FakeClockRig rig = new FakeClockRig(SUITE_2, Timing.DEFAULT, TWO_SLOTS);
        ask(rig);
        assertEquals(1, rig.sent(RAKP_3).size());
        assertEquals(0, rig.sent(CLOSE_SESSION).size());
    }

    /**
     * A run aborted while {@code kind} is out (its answer not yet back) on a BMC with one slot: the handshake is
     * released, so that a second console, right after, finds the slot free.
     */
    private static FakeClockRig abortWith(Kind kind) {
        FakeClockRig first = new FakeClockRig(SUITE_2, Timing.DEFAULT, ONE_SLOT);
        Operation op = first.submit(Operation.getDeviceId("test"));
        first.runUntil(() -> !first.sent(kind).isEmpty(), 1_000);
        first.handle(new SessionEvent.Abort(new IpmiException.ProtocolError("fake", Phase.CLOSE, "interrupted")));
        assertTrue(op.result.isCompletedExceptionally());
        first.runUntil(() -> false, 100); // what is on the wire arrives
        FakeClockRig second = new FakeClockRig(SUITE_2, Timing.DEFAULT.withTimeoutMillis(3000), ONE_SLOT);
        second.bmc = first.bmc;
        second.now = first.now;
        Operation other = ask(second);
        assertFalse(other.result.isCompletedExceptionally(), "the second console found the slot free: "
                + first.sentKinds());
        return first;
    }

    @Test
    void anAbortWithRakp1OutEndsTheHandshakeWithAnErrorRakp3() {
        FakeClockRig rig = abortWith(RAKP_1);
        assertEquals(List.of(Kind.AUTH_CAPABILITIES, OPEN_SESSION, RAKP_1, RAKP_3), rig.sentKinds());
    }

    @Test
    void anAbortWithRakp3OutAlsoClosesTheSessionTheBmcMayHaveOpened() {
        FakeClockRig rig = abortWith(RAKP_3);
        assertEquals(List.of(Kind.AUTH_CAPABILITIES, OPEN_SESSION, RAKP_1, RAKP_3, RAKP_3, CLOSE_SESSION),
                rig.sentKinds());
    }

    @Test
    void anAbortWithSetSessionPrivilegeOutClosesTheOpenSession() {
        FakeClockRig rig = abortWith(Kind.SET_PRIVILEGE);
        assertEquals(List.of(Kind.AUTH_CAPABILITIES, OPEN_SESSION, RAKP_1, RAKP_3, Kind.SET_PRIVILEGE, CLOSE_SESSION),
                rig.sentKinds());
        assertEquals(0, rig.sent(COMMAND).size());
    }
}
