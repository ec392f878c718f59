package io.ipmirunner.ipmi.client;

import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.ACTIVATE;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.AUTH_CAPABILITIES;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.CHALLENGE;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.CLOSE_SESSION;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.COMMAND;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.OPEN_SESSION;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.RAKP_1;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.RAKP_3;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.REPLY;
import static io.ipmirunner.ipmi.client.FakeClockRig.Kind.SET_PRIVILEGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.client.FakeClockRig.Kind;
import io.ipmirunner.ipmi.session.IpmiVersion;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.V20Packet;
import java.util.List;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/**
 * The loss of each login message, on fake time: the login recovers as the engine's rules say and when they
 * say. With nothing measured, a pre-session query, Open Session and RAKP 3 wait the 500 ms first-contact
 * timeout, the password-checking RAKP 1 and Activate Session the initial second ({@link BmcTimers}); a RAKP
 * timeout restarts from Open Session, an Activate timeout from a fresh challenge; Set Session Privilege, whose
 * step the login's first exchange measured, is resent after the measured timeout. Each datagram takes 2 ms.
 */
class LoginLossFakeClockTest {
    private static final SessionConfig SUITE_2 = FakeClockRig.admin().withCipherSuite(2);
    private static final List<Kind> CLEAN = List.of(AUTH_CAPABILITIES, OPEN_SESSION, RAKP_1, RAKP_3, SET_PRIVILEGE,
            COMMAND);

    private static FakeClockRig rig(SessionConfig config, BiPredicate<Kind, Integer> drop) {
        FakeClockRig rig = new FakeClockRig(config, Timing.DEFAULT, FaultProfile.NONE);
        rig.drop = drop;
        return rig;
    }

    /** Logs in for one Get Device ID; fails the test unless it is answered. */
    private static void loginAndAsk(FakeClockRig rig) {
        Operation op = rig.submit(Operation.getDeviceId("test"));
        rig.runUntilDone(op, 20_000);
        assertTrue(op.result.isDone() && !op.result.isCompletedExceptionally(), "answered: " + rig.wire);
        assertEquals(0, op.result.join().completionCode().code());
    }

    private static long at(FakeClockRig rig, Kind kind, int nth) {
        return rig.sent(kind).get(nth - 1).atMillis();
    }

    @Test
    void withoutLossTheLoginAndACommandAreSixExchanges() {
        FakeClockRig rig = rig(SUITE_2, (k, n) -> false);
        loginAndAsk(rig);
        assertEquals(CLEAN, rig.sentKinds());
        assertEquals(24, rig.millis(), "twelve datagrams of 2 ms each");
    }

    @Test
    void aLostAuthCapabilitiesRequestIsAskedAgainAfterTheFirstContactTimeout() {
        FakeClockRig rig = rig(SUITE_2, (k, n) -> k == AUTH_CAPABILITIES && n == 1);
        loginAndAsk(rig);
        assertEquals(500, at(rig, AUTH_CAPABILITIES, 2) - at(rig, AUTH_CAPABILITIES, 1));
        assertEquals(1, rig.stats.retransmits());
    }

    @Test
    void aLostOpenSessionIsProposedAgainAfterTheFirstContactTimeout() {
        FakeClockRig rig = rig(SUITE_2, (k, n) -> k == OPEN_SESSION && n == 1);
        loginAndAsk(rig);
        assertEquals(List.of(AUTH_CAPABILITIES, OPEN_SESSION, OPEN_SESSION, RAKP_1, RAKP_3, SET_PRIVILEGE, COMMAND),
                rig.sentKinds());
        assertEquals(500, at(rig, OPEN_SESSION, 2) - at(rig, OPEN_SESSION, 1));
    }

    @Test
    void aLostOpenSessionResponseIsAFreshOpenSession() {
        // Replies: 1 auth capabilities, 2 Open Session Response.
        FakeClockRig rig = rig(SUITE_2, (k, n) -> k == REPLY && n == 2);
        loginAndAsk(rig);
        assertEquals(500, at(rig, OPEN_SESSION, 2) - at(rig, OPEN_SESSION, 1));
        assertEquals(2, rig.sent(OPEN_SESSION).size());
    }

    @Test
    void aLostRakp1RestartsFromOpenSessionAfterTheInitialSecond() {
        FakeClockRig rig = rig(SUITE_2, (k, n) -> k == RAKP_1 && n == 1);
        loginAndAsk(rig);
        // When the second attempt's RAKP 2 comes, the first is given up: an error RAKP 3 releases it.
        assertEquals(List.of(AUTH_CAPABILITIES, OPEN_SESSION, RAKP_1, OPEN_SESSION, RAKP_1, RAKP_3, RAKP_3,
                SET_PRIVILEGE, COMMAND), rig.sentKinds());
        assertEquals(1000, at(rig, OPEN_SESSION, 2) - at(rig, RAKP_1, 1));
    }

    @Test
    void aLostRakp3RestartsFromOpenSessionAfterTheFirstContactTimeout() {
        FakeClockRig rig = rig(SUITE_2, (k, n) -> k == RAKP_3 && n == 1);
        loginAndAsk(rig);
        // The first attempt, given up, is released (an error RAKP 3, and a Close Session in case the BMC
        // finished it) before the second attempt's RAKP 3.
        assertEquals(List.of(AUTH_CAPABILITIES, OPEN_SESSION, RAKP_1, RAKP_3, OPEN_SESSION, RAKP_1, RAKP_3,
                CLOSE_SESSION, RAKP_3, SET_PRIVILEGE, COMMAND), rig.sentKinds());
        assertEquals(500, at(rig, OPEN_SESSION, 2) - at(rig, RAKP_3, 1));
    }

    @Test
    void aLostSetSessionPrivilegeIsResentAfterTheMeasuredTimeoutNotRestarted() {
        FakeClockRig rig = rig(SUITE_2, (k, n) -> k == SET_PRIVILEGE && n == 1);
        loginAndAsk(rig);
        assertEquals(List.of(AUTH_CAPABILITIES, OPEN_SESSION, RAKP_1, RAKP_3, SET_PRIVILEGE, SET_PRIVILEGE, COMMAND),
                rig.sentKinds());
        // Get Channel Authentication Capabilities measured 4 ms for pre-session and session commands alike:
        // the timeout is the 50 ms minimum, not the 500 ms of first contact.
        assertEquals(50, at(rig, SET_PRIVILEGE, 2) - at(rig, SET_PRIVILEGE, 1));
    }

    @Test
    void v15ALostChallengeIsAskedAgainAndALostActivateStartsFromAFreshChallenge() {
        SessionConfig v15 = FakeClockRig.admin().withVersion(IpmiVersion.V15);
        FakeClockRig challenge = rig(v15, (k, n) -> k == CHALLENGE && n == 1);
        loginAndAsk(challenge);
        assertEquals(List.of(AUTH_CAPABILITIES, CHALLENGE, CHALLENGE, ACTIVATE, SET_PRIVILEGE, COMMAND),
                challenge.sentKinds());
        assertEquals(500, at(challenge, CHALLENGE, 2) - at(challenge, CHALLENGE, 1));

        FakeClockRig activate = rig(v15, (k, n) -> k == ACTIVATE && n == 1);
        loginAndAsk(activate);
        assertEquals(List.of(AUTH_CAPABILITIES, CHALLENGE, ACTIVATE, CHALLENGE, ACTIVATE, SET_PRIVILEGE, COMMAND),
                activate.sentKinds());
        assertEquals(1000, at(activate, CHALLENGE, 2) - at(activate, ACTIVATE, 1));
    }

    @Test
    void setSessionPrivilegeIsNumberedAsARequestInTheSessionAndALateAnswerToAnEarlierCopyCounts() {
        // The first copy's answer comes 100 ms late, the second copy is lost: the answer to the first, which
        // went out with another rqSeq than the latest, must be taken instead of sending a third.
        FakeClockRig rig = rig(SUITE_2, (k, n) -> k == SET_PRIVILEGE && n == 2);
        rig.delay = (k, n) -> k == SET_PRIVILEGE && n == 1;
        rig.delayMillis = 100;
        loginAndAsk(rig);
        assertEquals(List.of(AUTH_CAPABILITIES, OPEN_SESSION, RAKP_1, RAKP_3, SET_PRIVILEGE, SET_PRIVILEGE, COMMAND),
                rig.sentKinds());
        // One numbering for the session: Set Session Privilege Level's copies, then the command, each its own.
        assertEquals(List.of(1, 2, 3), rqSeqsInSession(rig));
    }

    /** The rqSeq of every request sent in the session (suite 2 does not encrypt), in order. */
    private static List<Integer> rqSeqsInSession(FakeClockRig rig) {
        return rig.effects.stream().filter(e -> e instanceof SessionEffect.Send).map(e -> {
            try {
                return LanPacket.decode(((SessionEffect.Send) e).datagram()) instanceof V20Packet p
                        && p.payloadType() == PayloadType.IPMI && p.sessionId() != 0
                        ? IpmiRequest.decode(p.payload()).rqSeq() : -1;
            } catch (MalformedPacketException x) {
                throw new AssertionError(x);
            }
        }).filter(seq -> seq >= 0).toList();
    }
}
