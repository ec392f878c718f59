package io.ipmirunner.ipmi.wire;

/**
 * IPMI v1.5 LAN session packet (IPMI v2.0 §13.6, Table 13-8, "IPMI v1.5 Session Header"):
 * auth type, session sequence (4), session id (4), auth code (16, absent for auth type none),
 * message length (1), the IPMI message. Also the framing of pre-session requests such as
 * Get Channel Authentication Capabilities, which every BMC answers in this format.
 */
public record V15Packet(int authType, int sessionSeq, int sessionId, byte[] authCode, byte[] message)
        implements LanPacket {
    public static final int AUTH_NONE = 0x00;

    public V15Packet {
        authCode = authCode.clone();
        message = message.clone();
    }

    @Override
    public byte[] authCode() {
        return authCode.clone();
    }

    @Override
    public byte[] message() {
        return message.clone();
    }

    public byte[] encode() {
        ByteWriter w = new ByteWriter(32 + message.length);
        Rmcp.writeHeader(w, Rmcp.CLASS_IPMI);
        w.u8(authType).u32(sessionSeq).u32(sessionId);
        if (authType != AUTH_NONE) {
            if (authCode.length != 16) {
                throw new IllegalStateException("v1.5 auth code must be 16 bytes");
            }
            w.bytes(authCode);
        }
        w.u8(message.length).bytes(message);
        // Legacy pad (Table 13-4): some old NICs drop these exact frame lengths; the pad is ignored by BMCs.
        int total = w.size();
        if (total == 56 || total == 84 || total == 112 || total == 128 || total == 156) {
            w.u8(0);
        }
        return w.toByteArray();
    }

    static V15Packet decodeBody(ByteReader r) throws MalformedPacketException {
        int authType = r.u8();
        int seq = r.u32();
        int sid = r.u32();
        byte[] code = authType == AUTH_NONE ? new byte[0] : r.bytes(16);
        int len = r.u8();
        byte[] msg = r.bytes(len);
        return new V15Packet(authType, seq, sid, code, msg);
    }
}
