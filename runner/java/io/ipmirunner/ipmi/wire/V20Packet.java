package io.ipmirunner.ipmi.wire;

import java.util.Arrays;

/**
 * IPMI v2.0 RMCP+ session packet (IPMI v2.0 §13.6, Table 13-8): format 0x06, payload type
 * (bit 7 encrypted, bit 6 authenticated, bits 5:0 type), OEM IANA and payload id for OEM payloads,
 * session id (4), session sequence (4), payload length (2), payload, then for authenticated packets
 * the trailer: integrity pad (0xFF), pad length, next header (0x07) and the AuthCode.
 *
 * <p>The AuthCode length depends on the negotiated integrity algorithm, which framing does not know, so a
 * decoded packet keeps the datagram and the session layer asks for {@link #trailer(int)} with the length.
 */
public record V20Packet(int payloadType, boolean encrypted, boolean authenticated, int sessionId, int sessionSeq,
                        byte[] payload, byte[] datagram, int payloadEnd) implements LanPacket {
    public static final int NEXT_HEADER = 0x07;
    private static final int SESSION_HEADER_START = Rmcp.HEADER_LENGTH;

    /** Computes the AuthCode over the integrity data (session header through next header, §13.28.4). */
    @FunctionalInterface
    public interface Signer {
        byte[] sign(byte[] data, int off, int len);
    }

    public V20Packet {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The integrity-covered bytes and the received AuthCode of an authenticated packet. */
    public record Trailer(byte[] integrityData, byte[] authCode) {}

    public Trailer trailer(int authCodeLength) throws MalformedPacketException {
        if (!authenticated) {
            throw new MalformedPacketException("packet is not authenticated");
        }
        int codeStart = datagram.length - authCodeLength;
        if (authCodeLength < 0 || codeStart - 2 < payloadEnd) {
            throw new MalformedPacketException("session trailer too short");
        }
        int padLength = datagram[codeStart - 2] & 0xFF;
        if ((datagram[codeStart - 1] & 0xFF) != NEXT_HEADER || payloadEnd + padLength + 2 != codeStart) {
            throw new MalformedPacketException("malformed session trailer");
        }
        return new Trailer(Arrays.copyOfRange(datagram, SESSION_HEADER_START, codeStart),
                Arrays.copyOfRange(datagram, codeStart, datagram.length));
    }

    /**
     * Encodes a packet. {@code payload} is already encrypted when {@code encrypted}; {@code signer} null
     * means an unauthenticated packet (pre-session messages and cipher suites without integrity).
     */
    public static byte[] encode(int payloadType, boolean encrypted, int sessionId, int sessionSeq, byte[] payload,
                                Signer signer) {
        ByteWriter w = new ByteWriter(64 + payload.length);
        Rmcp.writeHeader(w, Rmcp.CLASS_IPMI);
        int typeByte = payloadType & 0x3F | (encrypted ? 0x80 : 0) | (signer != null ? 0x40 : 0);
        w.u8(LanPacket.FORMAT_RMCP_PLUS).u8(typeByte).u32(sessionId).u32(sessionSeq).u16(payload.length)
                .bytes(payload);
        if (signer == null) {
            return w.toByteArray();
        }
        int covered = w.size() - SESSION_HEADER_START + 2;
        int pad = (4 - covered % 4) % 4;
        w.fill(0xFF, pad).u8(pad).u8(NEXT_HEADER);
        byte[] signed = w.toByteArray();
        w.bytes(signer.sign(signed, SESSION_HEADER_START, signed.length - SESSION_HEADER_START));
        return w.toByteArray();
    }

    static V20Packet decodeBody(byte[] datagram, ByteReader r) throws MalformedPacketException {
        r.skip(1);
        int typeByte = r.u8();
        int type = typeByte & 0x3F;
        if (type == PayloadType.OEM_EXPLICIT) {
            r.skip(6);
        }
        int sid = r.u32();
        int seq = r.u32();
        int len = r.u16();
        byte[] payload = r.bytes(len);
        return new V20Packet(type, (typeByte & 0x80) != 0, (typeByte & 0x40) != 0, sid, seq, payload, datagram,
                r.position());
    }
}
