package io.ipmirunner.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.crypto.Ipmi15AuthCode;
import io.ipmirunner.ipmi.wire.CompletionCode;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.V15Packet;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * v1.5 replies as some BMCs write them. FreeIPMI's {@code idzero}: session id 0 in the session header; such a
 * reply is the session's only when its auth code, computed over id 0, proves it, and session-less packets stay
 * outside the session, where the presence probe reads them. FreeIPMI's {@code unexpectedauth}: a session with
 * per-message authentication disabled (auth type none) gets replies signed in the activation's auth type.
 */
class Ipmi15ReplyQuirksTest {
    private static final byte[] PASSWORD = "adminpass".getBytes(StandardCharsets.US_ASCII);
    private static final int SID = 0x2a2b2c2d;

    private final IpmiResponse reply =
            new IpmiResponse(0x81, 0x01, 0, 0x20, 5, 0, 0x01, CompletionCode.OK, new byte[] {0});

    @Test
    void aReplyUnderIdZeroWhoseAuthCodeProvesItIsAccepted() throws Exception {
        assertInstanceOf(Decoded.Accepted.class, session(Ipmi15AuthCode.MD5).decode(packet(Ipmi15AuthCode.MD5, 0, 7,
                PASSWORD)));
    }

    @Test
    void aReplyUnderIdZeroWithAWrongAuthCodeIsNotTheSessions() throws Exception {
        byte[] other = "otherpass".getBytes(StandardCharsets.US_ASCII);
        assertInstanceOf(Decoded.NotMine.class, session(Ipmi15AuthCode.MD5).decode(packet(Ipmi15AuthCode.MD5, 0, 7,
                other)));
    }

    @Test
    void aSessionlessReplyStaysOutsideTheSession() throws Exception {
        assertInstanceOf(Decoded.NotMine.class, session(Ipmi15AuthCode.MD5).decode(packet(V15Packet.AUTH_NONE, 0, 0,
                null)));
    }

    @Test
    void aSessionWithoutAuthCodesTakesNoReplyUnderIdZero() throws Exception {
        assertInstanceOf(Decoded.NotMine.class, session(V15Packet.AUTH_NONE).decode(packet(V15Packet.AUTH_NONE, 0, 7,
                null)));
    }

    @Test
    void aSessionWithoutPerMessageAuthTakesAReplySignedInTheActivationsAuthType() throws Exception {
        var s = new Ipmi15Session(V15Packet.AUTH_NONE, Ipmi15AuthCode.MD5, PASSWORD, SID, 1, Privilege.USER, true);
        assertInstanceOf(Decoded.Accepted.class, s.decode(packet(Ipmi15AuthCode.MD5, SID, 7, PASSWORD)));
        assertInstanceOf(Decoded.Accepted.class, s.decode(packet(V15Packet.AUTH_NONE, SID, 8, null)));
    }

    @Test
    void aSessionWithoutPerMessageAuthDropsBadlySignedOrOtherwiseSignedReplies() throws Exception {
        var s = new Ipmi15Session(V15Packet.AUTH_NONE, Ipmi15AuthCode.MD5, PASSWORD, SID, 1, Privilege.USER, true);
        byte[] other = "otherpass".getBytes(StandardCharsets.US_ASCII);
        assertInstanceOf(Decoded.Dropped.class, s.decode(packet(Ipmi15AuthCode.MD5, SID, 7, other)));
        assertInstanceOf(Decoded.Dropped.class, s.decode(packet(Ipmi15AuthCode.STRAIGHT, SID, 7, PASSWORD)));
    }

    @Test
    void aSignedSessionDropsAnUnsignedReply() throws Exception {
        assertInstanceOf(Decoded.Dropped.class, session(Ipmi15AuthCode.MD5).decode(packet(V15Packet.AUTH_NONE, SID, 7,
                null)));
    }

    @Test
    void aHostToldNoauthcodecheckTakesRepliesWithWrongAuthCodes() throws Exception {
        byte[] other = "otherpass".getBytes(StandardCharsets.US_ASCII);
        var s = new Ipmi15Session(Ipmi15AuthCode.MD5, Ipmi15AuthCode.MD5, PASSWORD, SID, 1, Privilege.USER, false);
        assertInstanceOf(Decoded.Accepted.class, s.decode(packet(Ipmi15AuthCode.MD5, SID, 7, other)));
        assertInstanceOf(Decoded.Dropped.class, session(Ipmi15AuthCode.MD5).decode(packet(Ipmi15AuthCode.MD5, SID, 7,
                other)));
    }

    private static Ipmi15Session session(int authType) {
        return new Ipmi15Session(authType, authType, PASSWORD, SID, 1, Privilege.ADMINISTRATOR, true);
    }

    private LanPacket packet(int authType, int sessionId, int seq, byte[] password) throws Exception {
        byte[] msg = reply.encode();
        byte[] code = password == null ? new byte[0] : Ipmi15AuthCode.compute(authType, password, sessionId, msg, seq);
        return LanPacket.decode(new V15Packet(authType, seq, sessionId, code, msg).encode());
    }
}
