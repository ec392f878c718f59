package io.ipmirunner.ipmi.wire;

/**
 * One UDP datagram on port 623, classified by its framing: ASF (presence ping/pong), an IPMI v1.5
 * session packet, or an IPMI v2.0 RMCP+ packet (IPMI v2.0 §13.1-§13.6). Decoding checks framing only;
 * the session layer checks authentication, integrity and sequence numbers with its keys.
 */
public sealed interface LanPacket permits AsfMessage, V15Packet, V20Packet {
    /** Auth type/format byte that marks an RMCP+ (IPMI v2.0) session header (§13.6). */
    int FORMAT_RMCP_PLUS = 0x06;

    static LanPacket decode(byte[] datagram) throws MalformedPacketException {
        ByteReader r = new ByteReader(datagram);
        int cls = Rmcp.readHeader(r);
        if (cls == Rmcp.CLASS_ASF) {
            return AsfMessage.decodeBody(r);
        }
        if (cls != Rmcp.CLASS_IPMI) {
            throw new MalformedPacketException("RMCP class " + Rmcp.hex(cls));
        }
        if (!r.hasRemaining()) {
            throw new MalformedPacketException("no session header");
        }
        int authType = datagram[Rmcp.HEADER_LENGTH] & 0xFF;
        return authType == FORMAT_RMCP_PLUS ? V20Packet.decodeBody(datagram, r) : V15Packet.decodeBody(r);
    }
}
