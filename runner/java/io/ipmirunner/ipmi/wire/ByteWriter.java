package io.ipmirunner.ipmi.wire;

import java.util.Arrays;

/** Growable little-endian byte sink for encoding IPMI packets (IPMI v2.0 §13.6: fields are LS-byte first). */
public final class ByteWriter {
    private byte[] buf;
    private int len;

    public ByteWriter() {
        this(64);
    }

    public ByteWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    public ByteWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    public ByteWriter u16(int v) {
        ensure(2);
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >>> 8);
        return this;
    }

    public ByteWriter u24(int v) {
        ensure(3);
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) (v >>> 16);
        return this;
    }

    public ByteWriter u32(int v) {
        ensure(4);
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 24);
        return this;
    }

    public ByteWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public ByteWriter bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    /** Writes {@code n} copies of {@code v}. */
    public ByteWriter fill(int v, int n) {
        ensure(n);
        Arrays.fill(buf, len, len + n, (byte) v);
        len += n;
        return this;
    }

    public int size() {
        return len;
    }

    /** Overwrites one byte already written (length fields known only after the body). */
    public void set(int index, int v) {
        if (index >= len) {
            throw new IndexOutOfBoundsException(index);
        }
        buf[index] = (byte) v;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
