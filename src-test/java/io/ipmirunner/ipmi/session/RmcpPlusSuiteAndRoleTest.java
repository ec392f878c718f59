package io.ipmirunner.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.crypto.Rakp;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.OpenSessionRequest;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.RmcpPlusStatus;
import io.ipmirunner.secret.Secret;
import org.junit.jupiter.api.Test;


/** The RMCP+ login's choice of cipher suite (17, then 3) and of role when the BMC refuses the one asked. */
class RmcpPlusSuiteAndRoleTest extends RmcpPlusLoginFixture {
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
