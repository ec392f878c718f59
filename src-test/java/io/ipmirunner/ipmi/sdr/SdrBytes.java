package io.ipmirunner.ipmi.sdr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Test-side SDR writer: full (§43.1) and compact (§43.2) sensor records, byte positions from the tables. */
final class SdrBytes {
    private SdrBytes() {}

    /**
     * A full threshold sensor record. {@code m}, {@code b} 10-bit signed; exponents 4-bit signed;
     * {@code idTl} the ID string type/length byte followed by {@code id}.
     */
    static byte[] full(int recordId, int number, int format, int m, int b, int bExp, int rExp, int lin,
                       int unit, int idTl, byte[] id) {
        byte[] r = new byte[48 + id.length];
        header(r, recordId, 0x01);
        r[5] = 0x20;
        r[7] = (byte) number;
        r[8] = 0x07;
        r[12] = 0x02; // voltage
        r[13] = 0x01; // threshold
        r[20] = (byte) (format << 6);
        r[21] = (byte) unit;
        r[23] = (byte) lin;
        r[24] = (byte) m;
        r[25] = (byte) ((m >> 2) & 0xc0);
        r[26] = (byte) b;
        r[27] = (byte) ((b >> 2) & 0xc0);
        r[29] = (byte) ((rExp & 0xf) << 4 | (bExp & 0xf));
        r[47] = (byte) idTl;
        System.arraycopy(id, 0, r, 48, id.length);
        return r;
    }

    static byte[] compact(int recordId, int number, String name) {
        byte[] id = name.getBytes(StandardCharsets.ISO_8859_1);
        byte[] r = new byte[32 + id.length];
        header(r, recordId, 0x02);
        r[5] = 0x20;
        r[7] = (byte) number;
        r[12] = 0x08; // power supply
        r[13] = 0x6f; // sensor-specific discrete
        r[31] = (byte) (0xc0 | id.length);
        System.arraycopy(id, 0, r, 32, id.length);
        return r;
    }

    private static void header(byte[] r, int recordId, int type) {
        r[0] = (byte) recordId;
        r[1] = (byte) (recordId >> 8);
        r[2] = 0x51;
        r[3] = (byte) type;
        r[4] = (byte) (r.length - 5);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] truncated(byte[] r, int n) {
        return Arrays.copyOf(r, n);
    }
}
