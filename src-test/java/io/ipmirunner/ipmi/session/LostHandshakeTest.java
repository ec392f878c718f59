package io.ipmirunner.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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
import io.ipmirunner.ipmi.wire.Rakp;
import io.ipmirunner.ipmi.wire.RmcpPlusStatus;
import io.ipmirunner.ipmi.wire.V15Packet;
import io.ipmirunner.ipmi.wire.V20Packet;
import io.ipmirunner.secret.Secret;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * A BMC that restarts mid-login says it no longer has the handshake: RAKP 2 with status 02h "invalid session
 * ID" (IPMI v2.0 Table 13-15), Activate Session with 85h (§22.17). The login starts over, twice at most.
 */
class LostHandshakeTest {
    private final SecureRandom random = new SecureRandom();
    private final SessionConfig config = SessionConfig.of("admin", Secret.of("adminpass", "test"));

    @Test
    void rakp2InvalidSessionIdRestartsFromOpenSessionTwiceThenFails() throws Exception {
        var login = new RmcpPlusLogin("bmc", config.withCipherSuite(3), random);
        byte[] open = ((Step.Send) login.start()).datagram();
        for (int i = 0; i < HandshakeStatus.LOST_RESTARTS; i++) {
            open = ((Step.Send) login.onPacket(lostRakp2(login, open))).datagram();
            assertEquals(Awaiting.OPEN_SESSION_RESPONSE, login.awaiting());
        }
        assertInstanceOf(Step.Failed.class, login.onPacket(lostRakp2(login, open)));
    }

    /** Answers Open Session, then RAKP 1 with status 02h. */
    private static LanPacket lostRakp2(RmcpPlusLogin login, byte[] open) throws Exception {
        var req = OpenSessionRequest.decode(((V20Packet) LanPacket.decode(open)).payload());
        var resp = new OpenSessionResponse(req.messageTag(), RmcpPlusStatus.OK, 4, req.remoteConsoleSessionId(),
                0x1234, req.authAlgorithm(), req.integrityAlgorithm(), req.confidentialityAlgorithm());
        byte[] rakp1 = ((Step.Send) login.onPacket(LanPacket.decode(V20Packet.encode(
                PayloadType.OPEN_SESSION_RESPONSE, false, 0, 0, resp.encode(), null)))).datagram();
        var m1 = Rakp.Message1.decode(((V20Packet) LanPacket.decode(rakp1)).payload());
        var m2 = new Rakp.Message2(m1.messageTag(), RmcpPlusStatus.INVALID_SESSION_ID, req.remoteConsoleSessionId(),
                new byte[16], new byte[16], new byte[0]);
        return LanPacket.decode(V20Packet.encode(PayloadType.RAKP_2, false, 0, 0, m2.encode(), null));
    }

    @Test
    void activateSessionInvalidSessionIdAsksForAFreshChallenge() throws Exception {
        var caps = new ChannelAuthCapabilities.Response(1, 1 << Ipmi15AuthCode.MD5, 0, 0, 0, 0);
        var login = new V15Login("bmc", config, caps, random);
        byte[] challenge = ((Step.Send) login.start()).datagram();
        byte[] activate = ((Step.Send) login.onPacket(challengeReply(challenge))).datagram();
        var spec = Commands.ACTIVATE_SESSION;
        var refused = new IpmiResponse(0x81, spec.netFn() | 1, 0, 0x20, request(activate).rqSeq(), 0, spec.cmd(),
                CompletionCode.of(0x85), new byte[0]);
        Step s = login.onPacket(LanPacket.decode(
                new V15Packet(V15Packet.AUTH_NONE, 0, 0, new byte[0], refused.encode()).encode()));
        assertEquals(Awaiting.CHALLENGE, login.awaiting());
        assertEquals(Commands.GET_SESSION_CHALLENGE.cmd(), request(((Step.Send) s).datagram()).cmd());
    }

    private static LanPacket challengeReply(byte[] challenge) throws Exception {
        var spec = Commands.GET_SESSION_CHALLENGE;
        var r = new IpmiResponse(0x81, spec.netFn() | 1, 0, 0x20, request(challenge).rqSeq(), 0, spec.cmd(),
                CompletionCode.OK, new SessionMessages.ChallengeResponse(0x1234, new byte[16]).toBytes());
        return LanPacket.decode(new V15Packet(V15Packet.AUTH_NONE, 0, 0, new byte[0], r.encode()).encode());
    }

    private static IpmiRequest request(byte[] datagram) throws Exception {
        return IpmiRequest.decode(((V15Packet) LanPacket.decode(datagram)).message());
    }
}
