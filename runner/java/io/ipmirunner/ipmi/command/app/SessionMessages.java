package io.ipmirunner.ipmi.command.app;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import java.util.Arrays;

/** Session management commands of the App network function (IPMI v2.0 §22.16-§22.20). */
public final class SessionMessages {
    public static final int USERNAME_LENGTH = 16;
    public static final int CHALLENGE_LENGTH = 16;

    private SessionMessages() {}

    /** Get Session Challenge request (§22.16): auth type and the user name, NUL-padded to 16 bytes. */
    public record ChallengeRequest(int authType, byte[] username) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(authType & 0x0F).bytes(Arrays.copyOf(username, USERNAME_LENGTH));
        }

        public static ChallengeRequest decode(ByteReader r) throws MalformedPacketException {
            int type = r.u8() & 0x0F;
            return new ChallengeRequest(type, trimNul(r.bytes(USERNAME_LENGTH)));
        }
    }

    public record ChallengeResponse(int temporarySessionId, byte[] challenge) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u32(temporarySessionId).bytes(challenge);
        }

        public static ChallengeResponse decode(ByteReader r) throws MalformedPacketException {
            return new ChallengeResponse(r.u32(), r.bytes(CHALLENGE_LENGTH));
        }
    }

    /** Activate Session request (§22.17). */
    public record ActivateRequest(int authType, int maxPrivilege, byte[] challenge, int initialOutboundSeq)
            implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(authType & 0x0F).u8(maxPrivilege & 0x0F).bytes(challenge).u32(initialOutboundSeq);
        }

        public static ActivateRequest decode(ByteReader r) throws MalformedPacketException {
            int type = r.u8() & 0x0F;
            int priv = r.u8() & 0x0F;
            return new ActivateRequest(type, priv, r.bytes(CHALLENGE_LENGTH), r.u32());
        }
    }

    public record ActivateResponse(int authType, int sessionId, int initialInboundSeq, int maxPrivilege)
            implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(authType).u32(sessionId).u32(initialInboundSeq).u8(maxPrivilege);
        }

        public static ActivateResponse decode(ByteReader r) throws MalformedPacketException {
            int type = r.u8() & 0x0F;
            int sid = r.u32();
            int seq = r.u32();
            return new ActivateResponse(type, sid, seq, r.u8() & 0x0F);
        }
    }

    /** Set Session Privilege Level (§22.18): request and response are one privilege byte (0 = read only). */
    public record PrivilegeLevel(int privilege) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(privilege & 0x0F);
        }

        public static PrivilegeLevel decode(ByteReader r) throws MalformedPacketException {
            return new PrivilegeLevel(r.u8() & 0x0F);
        }
    }

    /** Close Session request (§22.19): the BMC's session id. */
    public record CloseRequest(int sessionId) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u32(sessionId);
        }

        public static CloseRequest decode(ByteReader r) throws MalformedPacketException {
            return new CloseRequest(r.u32());
        }
    }

    /** Get Session Info request (§22.20): index 0 = this session, 1..n = the n-th active session. */
    public record InfoRequest(int sessionIndex) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(sessionIndex);
        }

        public static InfoRequest decode(ByteReader r) throws MalformedPacketException {
            int index = r.u8();
            // Index 0xFE/0xFF are followed by a handle or an id; the simulator answers for index only.
            if (r.hasRemaining()) {
                r.rest();
            }
            return new InfoRequest(index);
        }
    }

    /**
     * Get Session Info response (§22.20, Table 22-26), the part every BMC sends: session handle, possible
     * sessions (bits 5:0), active sessions (bits 5:0); when a session was named, user, privilege, and byte 6:
     * session protocol in bits 7:4 (0 = IPMI v1.5, 1 = IPMI v2.0/RMCP+) and channel in bits 3:0.
     */
    public record InfoResponse(int handle, int slotCount, int activeCount, int userId, int privilege, int channel,
                               int protocol) implements WireMessage {
        public static final int PROTOCOL_V15 = 0;
        public static final int PROTOCOL_RMCP_PLUS = 1;

        @Override
        public void encode(ByteWriter w) {
            w.u8(handle).u8(slotCount & 0x3F).u8(activeCount & 0x3F);
            if (handle != 0) {
                w.u8(userId & 0x3F).u8(privilege & 0x0F).u8((protocol & 0x0F) << 4 | channel & 0x0F);
            }
        }

        public static InfoResponse decode(ByteReader r) throws MalformedPacketException {
            int handle = r.u8();
            int slots = r.u8() & 0x3F;
            int active = r.u8() & 0x3F;
            int user = r.hasRemaining() ? r.u8() & 0x3F : 0;
            int priv = r.hasRemaining() ? r.u8() & 0x0F : 0;
            int b6 = r.hasRemaining() ? r.u8() : 0;
            return new InfoResponse(handle, slots, active, user, priv, b6 & 0x0F, b6 >> 4 & 0x0F);
        }
    }

    static byte[] trimNul(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return Arrays.copyOf(b, n);
    }
}
