package io.ipmirunner.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.command.app.SessionMessages;
import io.ipmirunner.ipmi.crypto.Ipmi15AuthCode;
import io.ipmirunner.ipmi.wire.CompletionCode;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.OpenSessionRequest;
import io.ipmirunner.ipmi.wire.OpenSessionResponse;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.RmcpPlusStatus;
import io.ipmirunner.ipmi.wire.V15Packet;
import io.ipmirunner.ipmi.wire.V20Packet;
import io.ipmirunner.secret.Secret;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Session id 0 means "outside a session" (IPMI v2.0 §13.6, §13.17, §22.17): a BMC that hands it out is refused. */
class SessionIdZeroTest {
    private final SecureRandom random = new SecureRandom();
    private final SessionConfig config = SessionConfig.of("admin", Secret.of("adminpass", "test"));

    @Test
    void openSessionResponseWithManagedSystemSessionIdZeroIsAProtocolError() throws Exception {
        var login = new RmcpPlusLogin("bmc", config.withCipherSuite(3), random);
        byte[] open = ((Step.Send) login.start()).datagram();
        var req = OpenSessionRequest.decode(((V20Packet) LanPacket.decode(open)).payload());
        var resp = new OpenSessionResponse(req.messageTag(), RmcpPlusStatus.OK, 4, req.remoteConsoleSessionId(), 0,
                req.authAlgorithm(), req.integrityAlgorithm(), req.confidentialityAlgorithm());
        Step s = login.onPacket(LanPacket.decode(
                V20Packet.encode(PayloadType.OPEN_SESSION_RESPONSE, false, 0, 0, resp.encode(), null)));
        assertRefused(s);
    }

    @Test
    void activateSessionWithSessionIdZeroIsAProtocolError() throws Exception {
        var caps = new ChannelAuthCapabilities.Response(1, 1 << Ipmi15AuthCode.MD5, 0, 0, 0, 0);
        var login = new V15Login("bmc", config, caps, random);
        byte[] challenge = ((Step.Send) login.start()).datagram();
        int seq = request(challenge).rqSeq();
        byte[] challengeReply = sessionless(reply(Commands.GET_SESSION_CHALLENGE.netFn(),
                Commands.GET_SESSION_CHALLENGE.cmd(), seq,
                new SessionMessages.ChallengeResponse(0x1234, new byte[16]).toBytes()), 0);
        byte[] activate = ((Step.Send) login.onPacket(LanPacket.decode(challengeReply))).datagram();
        int activateSeq = request(activate).rqSeq();
        byte[] activateReply = sessionless(reply(Commands.ACTIVATE_SESSION.netFn(), Commands.ACTIVATE_SESSION.cmd(),
                activateSeq, new SessionMessages.ActivateResponse(Ipmi15AuthCode.MD5, 0, 1, 4).toBytes()), 0x1234);
        assertRefused(login.onPacket(LanPacket.decode(activateReply)));
    }

    private static IpmiRequest request(byte[] datagram) throws Exception {
        return IpmiRequest.decode(((V15Packet) LanPacket.decode(datagram)).message());
    }

    private static IpmiResponse reply(int netFn, int cmd, int seq, byte[] data) {
        return new IpmiResponse(0x81, netFn | 1, 0, 0x20, seq, 0, cmd, CompletionCode.OK, data);
    }

    private static byte[] sessionless(IpmiResponse r, int sessionId) {
        return new V15Packet(V15Packet.AUTH_NONE, 0, sessionId, new byte[0], r.encode()).encode();
    }

    private static void assertRefused(Step s) {
        var failed = assertInstanceOf(Step.Failed.class, s);
        var e = assertInstanceOf(IpmiException.ProtocolError.class, failed.failure(), failed.failure().getMessage());
        assertTrue(e.getMessage().contains("session id 0"), e.getMessage());
    }
}
