package io.ipmirunner.ipmi.sol;

import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import java.util.Arrays;

/**
 * One SOL payload (IPMI v2.0 §15.9, Table 15-2): packet sequence number (bits 3:0; 1-15, 0 = a packet that
 * only acknowledges), the sequence number it acks or nacks (0 = none), the accepted character count, the
 * operation (console to BMC) or status (BMC to console) byte, then the characters.
 */
public record SolPacket(int seq, int ackSeq, int acceptedCount, int control, byte[] data) {
    public static final int HEADER_LENGTH = 4;

    // Byte 4, both directions: bit 6 = NACK (§15.9).
    public static final int NACK = 0x40;
    // Console to BMC operation bits (§15.9, Table 15-2).
    public static final int OP_RING = 0x20;
    public static final int OP_BREAK = 0x10;
    public static final int OP_CTS_PAUSE = 0x08;
    public static final int OP_DROP_DCD_DSR = 0x04;
    public static final int OP_FLUSH_INBOUND = 0x02;
    public static final int OP_FLUSH_OUTBOUND = 0x01;
    // BMC to console status bits (§15.9, Table 15-2).
    public static final int ST_TRANSFER_UNAVAILABLE = 0x20;
    public static final int ST_DEACTIVATING = 0x10;
    public static final int ST_TRANSMIT_OVERRUN = 0x08;
    public static final int ST_BREAK = 0x04;

    public SolPacket {
        if (seq < 0 || seq > 15 || ackSeq < 0 || ackSeq > 15 || acceptedCount < 0 || acceptedCount > 255) {
            throw new IllegalArgumentException("SOL header out of range: " + seq + "/" + ackSeq + "/" + acceptedCount);
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    public boolean nack() {
        return (control & NACK) != 0;
    }

    /** An acknowledgement alone: sequence 0, no characters. */
    public static SolPacket ack(int ackSeq, int accepted, boolean nack) {
        return new SolPacket(0, ackSeq, accepted, nack ? NACK : 0, new byte[0]);
    }

    public byte[] encode() {
        ByteWriter w = new ByteWriter(HEADER_LENGTH + data.length);
        w.u8(seq).u8(ackSeq).u8(acceptedCount).u8(control).bytes(data);
        return w.toByteArray();
    }

    /**
     * Decodes a payload from an untrusted BMC. The reserved high nibbles of bytes 1 and 2 are ignored (some
     * BMCs leave garbage there); a payload shorter than the header is an error.
     */
    public static SolPacket decode(byte[] payload) throws MalformedPacketException {
        ByteReader r = new ByteReader(payload);
        if (r.remaining() < HEADER_LENGTH) {
            throw new MalformedPacketException("SOL payload of " + payload.length + " bytes, shorter than its header");
        }
        int seq = r.u8() & 0x0F;
        int ack = r.u8() & 0x0F;
        int count = r.u8();
        int control = r.u8();
        return new SolPacket(seq, ack, count, control, r.rest());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SolPacket p && p.seq == seq && p.ackSeq == ackSeq && p.acceptedCount == acceptedCount
                && p.control == control && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + (seq << 24 | ackSeq << 16 | acceptedCount << 8 | control);
    }

    @Override
    public String toString() {
        return "SolPacket[seq=%d ack=%d count=%d control=0x%02x chars=%d]".formatted(seq, ackSeq, acceptedCount,
                control, data.length);
    }
}
