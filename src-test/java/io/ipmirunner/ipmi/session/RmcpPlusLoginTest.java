package io.ipmirunner.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.crypto.Rakp;
import io.ipmirunner.ipmi.crypto.SessionKeys;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.OpenSessionRequest;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.RmcpPlusStatus;
import io.ipmirunner.ipmi.wire.V20Packet;
import org.junit.jupiter.api.Test;


/**
 * The RMCP+ login state machine driven by hand-made BMC replies: transitions, restarts and failure
 * classification, with no socket and no clock. (Interop with a real BMC is in the interop tests.)
 */
class RmcpPlusLoginTest extends RmcpPlusLoginFixture {
    @Test
    void happyPathReachesSetPrivilegeThenEstablished() throws Exception {
        RmcpPlusLogin l = login("adminpass", 3);
        byte[] open = ((Step.Send) l.start()).datagram();
        assertEquals(Awaiting.OPEN_SESSION_RESPONSE, l.awaiting());
        int consoleSid = OpenSessionRequest.decode(packet(open).payload()).remoteConsoleSessionId();
        byte[] rakp1 = ((Step.Send) l.onPacket(LanPacket.decode(openSessionReply(open, RmcpPlusStatus.OK))))
                .datagram();
        assertEquals(Awaiting.RAKP_2, l.awaiting());
        byte[] rc = new byte[16];
        random.nextBytes(rc);
        var m1 = io.ipmirunner.ipmi.wire.Rakp.Message1.decode(packet(rakp1).payload());
        assertEquals(Privilege.ADMINISTRATOR.code() | 0x10, m1.role(), "admin with name-only lookup");
        Step s3 = l.onPacket(LanPacket.decode(rakp2Reply(rakp1, consoleSid, PASSWORD, rc)));
        assertEquals(Awaiting.RAKP_4, l.awaiting());
        var m3 = io.ipmirunner.ipmi.wire.Rakp.Message3.decode(packet(((Step.Send) s3).datagram()).payload());
        var auth = CipherSuite.byId(3).orElseThrow().auth();
        assertTrue(Rakp.constantTimeEquals(Rakp.rakp3KeyExchangeAuthCode(auth, PASSWORD, rc, consoleSid, m1.role(),
                m1.username()), m3.keyExchangeAuthCode()), "RAKP 3 proves the password");
        SessionKeys keys = SessionKeys.derive(auth, null, PASSWORD, m1.remoteConsoleRandom(), rc, m1.role(),
                m1.username());
        byte[] icv = Rakp.rakp4IntegrityCheckValue(auth, keys.sik(), m1.remoteConsoleRandom(), BMC_SID, GUID);
        var m4 = new io.ipmirunner.ipmi.wire.Rakp.Message4(m1.messageTag(), RmcpPlusStatus.OK, consoleSid, icv);
        Step s4 = l.onPacket(LanPacket.decode(reply(PayloadType.RAKP_4, m4.encode())));
        var raise = assertInstanceOf(Step.RaisePrivilege.class, s4);
        assertEquals(Privilege.ADMINISTRATOR, raise.privilege());
        V20Packet priv = packet(raise.session().encode(io.ipmirunner.ipmi.wire.IpmiRequest.toBmc(6, 0x3B, 1,
                new SetPrivilege("h", raise).requestData())));
        assertTrue(priv.authenticated() && priv.encrypted(), "suite 3 signs and encrypts");
        assertEquals(BMC_SID, priv.sessionId());
    }

    @Test
    void aLateRakp2OfTheAttemptATimeoutLeftBehindCompletesTheLogin() throws Exception {
        RmcpPlusLogin l = login("adminpass", 3);
        byte[] open1 = ((Step.Send) l.start()).datagram();
        byte[] rakp1 = acceptOpen(l, open1);
        byte[] open2 = ((Step.Send) l.onTimeout()).datagram();
        assertEquals(Awaiting.OPEN_SESSION_RESPONSE, l.awaiting());
        assertNotEquals(consoleSidOf(open1), consoleSidOf(open2));
        // The password check was only slow: the first attempt's RAKP 2 arrives while the second opens.
        byte[] rc = randomRc();
        Step s3 = l.onPacket(LanPacket.decode(rakp2Reply(rakp1, consoleSidOf(open1), PASSWORD, rc)));
        assertInstanceOf(Step.Send.class, s3);
        assertTrue(l.lastAnswerLate(), "its round trip must not be taken as the current request's");
        assertEquals(Awaiting.RAKP_4, l.awaiting());
        var m3 = io.ipmirunner.ipmi.wire.Rakp.Message3.decode(packet(((Step.Send) s3).datagram()).payload());
        assertEquals(BMC_SID, m3.managedSystemSessionId(), "RAKP 3 of the first attempt");
        Step s4 = l.onPacket(LanPacket.decode(rakp4Reply(rakp1, consoleSidOf(open1), rc)));
        assertInstanceOf(Step.RaisePrivilege.class, s4);
        assertFalse(l.lastAnswerLate());
        // The second attempt's Open Session reply, now stale, changes nothing.
        assertInstanceOf(Step.Wait.class, l.onPacket(LanPacket.decode(openSessionReply(open2, RmcpPlusStatus.OK))));
    }

    @Test
    void aLateRakp4OfTheAttemptATimeoutLeftBehindCompletesTheLogin() throws Exception {
        RmcpPlusLogin l = login("adminpass", 3);
        byte[] open1 = ((Step.Send) l.start()).datagram();
        byte[] rakp1 = acceptOpen(l, open1);
        byte[] rc = randomRc();
        l.onPacket(LanPacket.decode(rakp2Reply(rakp1, consoleSidOf(open1), PASSWORD, rc)));
        assertEquals(Awaiting.RAKP_4, l.awaiting());
        byte[] open2 = ((Step.Send) l.onTimeout()).datagram();
        acceptOpen(l, open2);
        assertEquals(Awaiting.RAKP_2, l.awaiting(), "the second attempt waits for its own password check");
        Step s4 = l.onPacket(LanPacket.decode(rakp4Reply(rakp1, consoleSidOf(open1), rc)));
        var raise = assertInstanceOf(Step.RaisePrivilege.class, s4);
        assertTrue(l.lastAnswerLate());
        assertEquals(BMC_SID, raise.session().bmcSessionId());
    }

    @Test
    void aSlowPasswordCheckOutlastingSeveralRestartsStillCompletesWithTheFirstAnswer() throws Exception {
        RmcpPlusLogin l = login("adminpass", 3);
        byte[] open1 = ((Step.Send) l.start()).datagram();
        byte[] rakp1 = acceptOpen(l, open1);
        byte[] open = open1;
        for (int restart = 0; restart < AbandonedHandshakes.KEPT - 1; restart++) {
            open = ((Step.Send) l.onTimeout()).datagram();
            acceptOpen(l, open);
        }
        byte[] rc = randomRc();
        assertInstanceOf(Step.Send.class,
                l.onPacket(LanPacket.decode(rakp2Reply(rakp1, consoleSidOf(open1), PASSWORD, rc))));
        assertTrue(l.lastAnswerLate());
        assertEquals(Awaiting.RAKP_4, l.awaiting(), "the first attempt, two restarts back, goes on");
    }

    @Test
    void onlyTheLastFewAbandonedAttemptsAreKept() throws Exception {
        RmcpPlusLogin l = login("adminpass", 3);
        byte[] open1 = ((Step.Send) l.start()).datagram();
        byte[] rakp1 = acceptOpen(l, open1);
        for (int restart = 0; restart < AbandonedHandshakes.KEPT + 1; restart++) {
            acceptOpen(l, ((Step.Send) l.onTimeout()).datagram());
        }
        assertInstanceOf(Step.Wait.class,
                l.onPacket(LanPacket.decode(rakp2Reply(rakp1, consoleSidOf(open1), PASSWORD, randomRc()))));
        assertEquals(Awaiting.RAKP_2, l.awaiting());
    }

    @Test
    void onceTheNewAttemptHasItsOwnRakp2TheEarlierOneIsStale() throws Exception {
        RmcpPlusLogin l = login("adminpass", 3);
        byte[] open1 = ((Step.Send) l.start()).datagram();
        byte[] rakp1 = acceptOpen(l, open1);
        byte[] open2 = ((Step.Send) l.onTimeout()).datagram();
        byte[] rakp1b = acceptOpen(l, open2);
        byte[] rc = new byte[16];
        l.onPacket(LanPacket.decode(rakp2Reply(rakp1b, consoleSidOf(open2), PASSWORD, rc)));
        assertEquals(Awaiting.RAKP_4, l.awaiting());
        assertInstanceOf(Step.Wait.class,
                l.onPacket(LanPacket.decode(rakp2Reply(rakp1, consoleSidOf(open1), PASSWORD, rc))));
        assertEquals(Awaiting.RAKP_4, l.awaiting());
    }

    @Test
    void rakpTimeoutRestartsFromOpenSessionWithNewIds() throws Exception {
        RmcpPlusLogin l = login("adminpass", 3);
        byte[] open = ((Step.Send) l.start()).datagram();
        l.onPacket(LanPacket.decode(openSessionReply(open, RmcpPlusStatus.OK)));
        assertEquals(Awaiting.RAKP_2, l.awaiting());
        byte[] again = ((Step.Send) l.onTimeout()).datagram();
        assertEquals(Awaiting.OPEN_SESSION_RESPONSE, l.awaiting());
        var a = OpenSessionRequest.decode(packet(open).payload());
        var b = OpenSessionRequest.decode(packet(again).payload());
        assertNotEquals(a.messageTag(), b.messageTag());
        assertNotEquals(a.remoteConsoleSessionId(), b.remoteConsoleSessionId());
        // The late reply to the first Open Session is stale now.
        assertInstanceOf(Step.Wait.class, l.onPacket(LanPacket.decode(openSessionReply(open, RmcpPlusStatus.OK))));
    }

    @Test
    void insufficientResourcesIsRetriedNotAnAuthFailure() throws Exception {
        RmcpPlusLogin l = login("adminpass", 3);
        byte[] open = ((Step.Send) l.start()).datagram();
        Step s = l.onPacket(LanPacket.decode(openSessionReply(open, RmcpPlusStatus.INSUFFICIENT_RESOURCES)));
        assertInstanceOf(Step.SendLater.class, s);
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailureInRakp2() throws Exception {
        RmcpPlusLogin l = login("not-the-password", 3);
        byte[] open = ((Step.Send) l.start()).datagram();
        int consoleSid = OpenSessionRequest.decode(packet(open).payload()).remoteConsoleSessionId();
        byte[] rakp1 = ((Step.Send) l.onPacket(LanPacket.decode(openSessionReply(open, RmcpPlusStatus.OK))))
                .datagram();
        Step s = l.onPacket(LanPacket.decode(rakp2Reply(rakp1, consoleSid, PASSWORD, new byte[16])));
        Step.Failed f = assertInstanceOf(Step.Failed.class, s);
        var e = assertInstanceOf(IpmiException.AuthenticationFailed.class, f.failure());
        assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
    }

    @Test
    void deadlineWithoutAnyAnswerIsUnreachable() {
        RmcpPlusLogin l = login("adminpass", 3);
        l.start();
        Step.Failed f = assertInstanceOf(Step.Failed.class, l.onDeadline(20_000, 9, false));
        assertInstanceOf(IpmiException.Unreachable.class, f.failure());
        Step.Failed g = assertInstanceOf(Step.Failed.class, l.onDeadline(20_000, 9, true));
        assertInstanceOf(IpmiException.Timeout.class, g.failure());
    }

    @Test
    void requestsAreUnauthenticatedBeforeTheSession() throws Exception {
        RmcpPlusLogin l = login("adminpass", 17);
        V20Packet p = packet(((Step.Send) l.start()).datagram());
        assertEquals(PayloadType.OPEN_SESSION_REQUEST, p.payloadType());
        assertEquals(0, p.sessionId());
        var req = OpenSessionRequest.decode(p.payload());
        assertEquals(3, req.authAlgorithm(), "suite 17 = RAKP-HMAC-SHA256");
        assertEquals(4, req.integrityAlgorithm(), "HMAC-SHA256-128");
        assertEquals(1, req.confidentialityAlgorithm(), "AES-CBC-128");
    }

}
