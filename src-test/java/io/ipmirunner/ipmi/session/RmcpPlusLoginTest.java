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
import io.ipmirunner.ipmi.wire.OpenSessionResponse;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.RmcpPlusStatus;
import io.ipmirunner.ipmi.wire.V20Packet;
import io.ipmirunner.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * The RMCP+ login state machine driven by hand-made BMC replies: transitions, restarts and failure
 * classification, with no socket and no clock. (Interop with a real BMC is in the interop tests.)
 */
class RmcpPlusLoginTest {
    private static final byte[] PASSWORD = "adminpass".getBytes(StandardCharsets.UTF_8);
    private static final byte[] GUID = new byte[16];
    private static final int BMC_SID = 0x0BADCAFE;

    private final SecureRandom random = new SecureRandom();

    private RmcpPlusLogin login(String password, int suite) {
        SessionConfig c = SessionConfig.of("admin", Secret.of(password, "test")).withCipherSuite(suite);
        return new RmcpPlusLogin("bmc", c, random);
    }

    private static V20Packet packet(byte[] datagram) throws Exception {
        return (V20Packet) LanPacket.decode(datagram);
    }

    private static byte[] reply(int type, byte[] payload) {
        return V20Packet.encode(type, false, 0, 0, payload, null);
    }

    private byte[] openSessionReply(byte[] request, RmcpPlusStatus status) throws Exception {
        var req = OpenSessionRequest.decode(packet(request).payload());
        var resp = new OpenSessionResponse(req.messageTag(), status, 4, req.remoteConsoleSessionId(), BMC_SID,
                req.authAlgorithm(), req.integrityAlgorithm(), req.confidentialityAlgorithm());
        return reply(PayloadType.OPEN_SESSION_RESPONSE, resp.encode());
    }

    private byte[] rakp2Reply(byte[] rakp1, int consoleSid, byte[] bmcPassword, byte[] rc) throws Exception {
        var m1 = io.ipmirunner.ipmi.wire.Rakp.Message1.decode(packet(rakp1).payload());
        byte[] code = Rakp.rakp2KeyExchangeAuthCode(CipherSuite.byId(3).orElseThrow().auth(), bmcPassword, consoleSid,
                BMC_SID, m1.remoteConsoleRandom(), rc, GUID, m1.role(), m1.username());
        var m2 = new io.ipmirunner.ipmi.wire.Rakp.Message2(m1.messageTag(), RmcpPlusStatus.OK, consoleSid, rc, GUID,
                code);
        return reply(PayloadType.RAKP_2, m2.encode());
    }

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

    private static int consoleSidOf(byte[] open) throws Exception {
        return OpenSessionRequest.decode(packet(open).payload()).remoteConsoleSessionId();
    }

    private byte[] rakp4Reply(byte[] rakp1, int consoleSid, byte[] rc) throws Exception {
        var m1 = io.ipmirunner.ipmi.wire.Rakp.Message1.decode(packet(rakp1).payload());
        var auth = CipherSuite.byId(3).orElseThrow().auth();
        SessionKeys keys = SessionKeys.derive(auth, null, PASSWORD, m1.remoteConsoleRandom(), rc, m1.role(),
                m1.username());
        byte[] icv = Rakp.rakp4IntegrityCheckValue(auth, keys.sik(), m1.remoteConsoleRandom(), BMC_SID, GUID);
        var m4 = new io.ipmirunner.ipmi.wire.Rakp.Message4(m1.messageTag(), RmcpPlusStatus.OK, consoleSid, icv);
        return reply(PayloadType.RAKP_4, m4.encode());
    }

    /** The BMC accepts {@code open}; returns the RAKP 1 the login sends next. */
    private byte[] acceptOpen(RmcpPlusLogin l, byte[] open) throws Exception {
        return ((Step.Send) l.onPacket(LanPacket.decode(openSessionReply(open, RmcpPlusStatus.OK)))).datagram();
    }

    private byte[] randomRc() {
        byte[] rc = new byte[16];
        random.nextBytes(rc);
        return rc;
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

    private static int proposedSuiteAuth(byte[] open) throws Exception {
        return OpenSessionRequest.decode(packet(open).payload()).authAlgorithm();
    }

    private RmcpPlusLogin defaultSuiteLogin() {
        return new RmcpPlusLogin("bmc", SessionConfig.of("admin", Secret.of("x", "t")), random);
    }

    @Test
    void withoutAChosenSuiteOpenSessionProposes17AndOnRefusal3() throws Exception {
        RmcpPlusLogin l = defaultSuiteLogin();
        byte[] first = ((Step.Send) l.start()).datagram();
        assertEquals(Awaiting.OPEN_SESSION_RESPONSE, l.awaiting(), "no Get Channel Cipher Suites round trip");
        assertEquals(CipherSuite.byId(17).orElseThrow().auth().code(), proposedSuiteAuth(first));
        byte[] second = ((Step.Send) l.onPacket(LanPacket.decode(
                openSessionReply(first, RmcpPlusStatus.NO_CIPHER_SUITE_MATCH)))).datagram();
        var req = OpenSessionRequest.decode(packet(second).payload());
        assertEquals(CipherSuite.byId(3).orElseThrow().integrity().code(), req.integrityAlgorithm());
        assertEquals(CipherSuite.byId(3).orElseThrow().auth().code(), req.authAlgorithm());
        // Suite 3 refused too: nothing is left to propose, and that is said.
        Step.Failed f = assertInstanceOf(Step.Failed.class, l.onPacket(LanPacket.decode(
                openSessionReply(second, RmcpPlusStatus.NO_CIPHER_SUITE_MATCH))));
        assertTrue(f.failure().getMessage().contains("cipher suite 3"), f.failure().getMessage());
    }

    @Test
    void aBmcSilentTo17IsOffered3AfterTwoTries() throws Exception {
        RmcpPlusLogin l = defaultSuiteLogin();
        int sha256 = CipherSuite.byId(17).orElseThrow().auth().code();
        assertEquals(sha256, proposedSuiteAuth(((Step.Send) l.start()).datagram()));
        assertEquals(sha256, proposedSuiteAuth(((Step.Send) l.onTimeout()).datagram()), "one loss: 17 again");
        assertEquals(CipherSuite.byId(3).orElseThrow().auth().code(),
                proposedSuiteAuth(((Step.Send) l.onTimeout()).datagram()));
        assertEquals(Awaiting.OPEN_SESSION_RESPONSE, l.awaiting());
    }

    @Test
    void anAcceptedSuiteIsKeptThroughRestarts() throws Exception {
        RmcpPlusLogin l = defaultSuiteLogin();
        byte[] open = ((Step.Send) l.start()).datagram();
        l.onPacket(LanPacket.decode(openSessionReply(open, RmcpPlusStatus.OK)));
        assertEquals(Awaiting.RAKP_2, l.awaiting());
        for (int i = 0; i < 3; i++) {
            byte[] again = ((Step.Send) l.onTimeout()).datagram();
            assertEquals(CipherSuite.byId(17).orElseThrow().auth().code(), proposedSuiteAuth(again));
            l.onTimeout();
        }
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

    private Step refuseRole(RmcpPlusLogin l) throws Exception {
        byte[] open = ((Step.Send) l.start()).datagram();
        int consoleSid = OpenSessionRequest.decode(packet(open).payload()).remoteConsoleSessionId();
        byte[] rakp1 = ((Step.Send) l.onPacket(LanPacket.decode(openSessionReply(open, RmcpPlusStatus.OK))))
                .datagram();
        var m1 = io.ipmirunner.ipmi.wire.Rakp.Message1.decode(packet(rakp1).payload());
        var m2 = new io.ipmirunner.ipmi.wire.Rakp.Message2(m1.messageTag(), RmcpPlusStatus.UNAUTHORIZED_ROLE,
                consoleSid, new byte[0], new byte[0], new byte[0]);
        return l.onPacket(LanPacket.decode(reply(PayloadType.RAKP_2, m2.encode())));
    }

    @Test
    void refusedRoleStepsDownWhenNoPrivilegeWasAskedFor() throws Exception {
        RmcpPlusLogin l = login("adminpass", 3);
        byte[] again = ((Step.Send) refuseRole(l)).datagram();
        assertEquals(Awaiting.OPEN_SESSION_RESPONSE, l.awaiting());
        assertEquals(Privilege.OPERATOR.code(), OpenSessionRequest.decode(packet(again).payload())
                .requestedMaxPrivilege());
    }

    @Test
    void refusedRoleIsAnAuthenticationFailureWhenThePrivilegeWasAskedFor() throws Exception {
        SessionConfig c = SessionConfig.of("admin", Secret.of("adminpass", "t")).withCipherSuite(3)
                .withPrivilege(Privilege.ADMINISTRATOR);
        Step.Failed f = assertInstanceOf(Step.Failed.class, refuseRole(new RmcpPlusLogin("bmc", c, random)));
        assertInstanceOf(IpmiException.AuthenticationFailed.class, f.failure());
    }
}
