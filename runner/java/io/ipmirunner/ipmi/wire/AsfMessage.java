package io.ipmirunner.ipmi.wire;

/**
 * ASF presence ping and pong (IPMI v2.0 §13.2, ASF 2.0 §3.2.4): a BMC answers a ping without a session,
 * which makes it the cheapest "is anything listening on 623" probe. IANA enterprise number 4542 (ASF).
 */
public record AsfMessage(int type, int tag, byte[] data) implements LanPacket {
    public static final int ASF_IANA = 4542;
    public static final int PRESENCE_PING = 0x80;
    public static final int PRESENCE_PONG = 0x40;
    /** Pong "supported entities" bit 7: IPMI is supported. */
    public static final int ENTITY_IPMI = 0x80;

    public AsfMessage {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public static AsfMessage ping(int tag) {
        return new AsfMessage(PRESENCE_PING, tag, new byte[0]);
    }

    public static AsfMessage pong(int tag, boolean ipmiSupported) {
        // Pong data (ASF 2.0 Table 13): IANA (4, MSB first), OEM (4), entities, interactions, reserved (6).
        ByteWriter d = new ByteWriter(16);
        d.u8(0).u8(0).u8(ASF_IANA >> 8 & 0xFF).u8(ASF_IANA & 0xFF).u32(0);
        d.u8(ipmiSupported ? ENTITY_IPMI | 0x01 : 0x01).u8(0).fill(0, 6);
        return new AsfMessage(PRESENCE_PONG, tag, d.toByteArray());
    }

    public boolean ipmiSupported() {
        return type == PRESENCE_PONG && data.length >= 9 && (data[8] & ENTITY_IPMI) != 0;
    }

    public byte[] encode() {
        ByteWriter w = new ByteWriter(12 + data.length);
        Rmcp.writeHeader(w, Rmcp.CLASS_ASF);
        // The ASF IANA number is big-endian, unlike IPMI fields.
        w.u8(0).u8(0).u8(ASF_IANA >> 8 & 0xFF).u8(ASF_IANA & 0xFF);
        w.u8(type).u8(tag).u8(0).u8(data.length).bytes(data);
        return w.toByteArray();
    }

    /** Decodes the part after the RMCP header. */
    static AsfMessage decodeBody(ByteReader r) throws MalformedPacketException {
        int iana = r.u8() << 24 | r.u8() << 16 | r.u8() << 8 | r.u8();
        if (iana != ASF_IANA) {
            throw new MalformedPacketException("ASF IANA " + iana);
        }
        int type = r.u8();
        int tag = r.u8();
        r.skip(1);
        int len = r.u8();
        return new AsfMessage(type, tag, r.bytes(len));
    }
}
