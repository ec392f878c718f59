package io.ipmirunner.ipmi.wire;

import java.util.Arrays;

/**
 * Bounds-checked cursor over received bytes. IPMI multi-byte fields are little-endian (IPMI v2.0 §13.6),
 * so the integer readers are little-endian; every underflow is a {@link MalformedPacketException}.
 */
public final class ByteReader {
    private final byte[] data;
    private final int end;
    private int pos;

    public ByteReader(byte[] data) {
        this(data, 0, data.length);
    }

    public ByteReader(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IllegalArgumentException("slice out of range");
        }
        this.data = data;
        this.pos = offset;
        this.end = offset + length;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return end - pos;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    private void need(int n) throws MalformedPacketException {
        if (n < 0 || end - pos < n) {
            throw new MalformedPacketException("truncated: need " + n + " bytes, have " + (end - pos));
        }
    }

    public int u8() throws MalformedPacketException {
        need(1);
        return data[pos++] & 0xFF;
    }

    public int u16() throws MalformedPacketException {
        need(2);
        int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    public int u24() throws MalformedPacketException {
        need(3);
        int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8 | (data[pos + 2] & 0xFF) << 16;
        pos += 3;
        return v;
    }

    /** A 32-bit little-endian field as a Java int (session ids and sequence numbers are opaque). */
    public int u32() throws MalformedPacketException {
        need(4);
        int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8 | (data[pos + 2] & 0xFF) << 16
                | (data[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    public byte[] bytes(int n) throws MalformedPacketException {
        need(n);
        byte[] out = Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return out;
    }

    public byte[] rest() {
        byte[] out = Arrays.copyOfRange(data, pos, end);
        pos = end;
        return out;
    }

    public void skip(int n) throws MalformedPacketException {
        need(n);
        pos += n;
    }

    /** A reader over the next {@code n} bytes; this reader moves past them. */
    public ByteReader slice(int n) throws MalformedPacketException {
        need(n);
        ByteReader r = new ByteReader(data, pos, n);
        pos += n;
        return r;
    }
}
