package io.ipmirunner.ipmi.fru;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test-side FRU image writer (FRU Information Storage Definition v1.0 §8-§13), encoding each field in the
 * encoding asked for. Kept apart from the decoder so the two cannot share a misreading of the spec.
 */
public final class FruBytes {
    private FruBytes() {}

    /** One type/length field body: {@code type} is the §13.1 bits 7:6 value. */
    public record Field(int type, byte[] body) {
        public static Field ascii8(String s) {
            return new Field(3, s.getBytes(StandardCharsets.ISO_8859_1));
        }

        /** Type 11b in an area whose language is not English: 2-byte Unicode, least significant byte first. */
        public static Field unicode(String s) {
            return new Field(3, s.getBytes(StandardCharsets.UTF_16LE));
        }

        public static Field binary(int... b) {
            byte[] x = new byte[b.length];
            for (int i = 0; i < b.length; i++) {
                x[i] = (byte) b[i];
            }
            return new Field(0, x);
        }

        /** Digits, ' ', '-', '.'; an even number of characters. */
        public static Field bcdPlus(String s) {
            byte[] x = new byte[s.length() / 2];
            for (int i = 0; i < s.length(); i++) {
                int nibble = switch (s.charAt(i)) {
                    case ' ' -> 0xA;
                    case '-' -> 0xB;
                    case '.' -> 0xC;
                    default -> s.charAt(i) - '0';
                };
                x[i / 2] |= (byte) (i % 2 == 0 ? nibble << 4 : nibble);
            }
            return new Field(1, x);
        }

        /** Upper-case ASCII 0x20..0x5F packed six bits each, least significant first. */
        public static Field sixBit(String s) {
            byte[] x = new byte[(s.length() * 6 + 7) / 8];
            for (int i = 0; i < s.length(); i++) {
                int v = s.charAt(i) - 0x20;
                for (int bit = 0; bit < 6; bit++) {
                    if ((v >> bit & 1) != 0) {
                        int at = i * 6 + bit;
                        x[at / 8] |= (byte) (1 << (at % 8));
                    }
                }
            }
            return new Field(2, x);
        }
    }

    /** An info area: prefix bytes (version, length placeholder, ...), fields, 0xC1, padding, checksum. */
    public static byte[] area(byte[] prefix, List<Field> fields) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(prefix);
        for (Field f : fields) {
            b.write(f.type() << 6 | f.body().length);
            b.writeBytes(f.body());
        }
        b.write(0xC1);
        while ((b.size() + 1) % 8 != 0) {
            b.write(0);
        }
        byte[] a = Arrays.copyOf(b.toByteArray(), b.size() + 1);
        a[1] = (byte) (a.length / 8);
        a[a.length - 1] = zeroChecksum(a, a.length - 1);
        return a;
    }

    public static byte[] chassis(int type, List<Field> fields) {
        return area(new byte[] {1, 0, (byte) type}, fields);
    }

    public static byte[] board(Instant mfg, List<Field> fields) {
        int m = (int) Duration.between(Instant.parse("1996-01-01T00:00:00Z"), mfg).toMinutes();
        return area(new byte[] {1, 0, 0, (byte) m, (byte) (m >> 8), (byte) (m >> 16)}, fields);
    }

    public static byte[] product(List<Field> fields) {
        return product(0, fields);
    }

    /** A product area with language code {@code language} (FRU spec §15, Table 15-1). */
    public static byte[] product(int language, List<Field> fields) {
        return area(new byte[] {1, 0, (byte) language}, fields);
    }

    /** Common header then the areas in order; a null area is absent (offset 0). */
    public static byte[] image(byte[] chassis, byte[] board, byte[] product) {
        byte[] header = new byte[8];
        header[0] = 1;
        List<byte[]> areas = new ArrayList<>();
        int offset = 1;
        byte[][] all = {chassis, board, product};
        for (int i = 0; i < 3; i++) {
            if (all[i] != null) {
                header[2 + i] = (byte) offset;
                offset += all[i].length / 8;
                areas.add(all[i]);
            }
        }
        header[7] = zeroChecksum(header, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        areas.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** A multi-record (FRU spec §16.1): type, end-of-list flag with format version 2, length, checksums. */
    public static byte[] multiRecord(int type, boolean last, int... data) {
        byte[] r = new byte[5 + data.length];
        int sum = 0;
        for (int i = 0; i < data.length; i++) {
            r[5 + i] = (byte) data[i];
            sum += data[i];
        }
        r[0] = (byte) type;
        r[1] = (byte) ((last ? 0x80 : 0) | 0x02);
        r[2] = (byte) data.length;
        r[3] = (byte) -sum;
        r[4] = zeroChecksum(r, 4);
        return r;
    }

    /** {@code image} with {@code records} appended as its multi-record area (header byte 5). */
    public static byte[] withMultiRecords(byte[] image, byte[]... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(image);
        while (out.size() % 8 != 0) {
            out.write(0);
        }
        byte[] b = out.toByteArray();
        b[5] = (byte) (b.length / 8);
        b[7] = zeroChecksum(b, 7);
        out.reset();
        out.writeBytes(b);
        for (byte[] r : records) {
            out.writeBytes(r);
        }
        return out.toByteArray();
    }

    /**
     * §18.1 Power Supply Information: 750 W, peak VA unspecified, inrush 40 A for 10 ms, 90.00-264.00 V
     * single range, 47-63 Hz, 20 ms dropout, PFC + autoswitch + hot swap, 900 W peak with 2 s hold-up,
     * combined 12 V and 5 V for 700 W.
     */
    public static byte[] powerSupply(boolean last) {
        return multiRecord(0x00, last, 0xEE, 0x02, 0xFF, 0xFF, 40, 10, 0x28, 0x23, 0x20, 0x67, 0, 0, 0, 0, 47, 63, 20,
                0x0E, 0x84, 0x23, 0x02, 0xBC, 0x02, 0);
    }

    /** §18.2 DC Output 1: 12.00 V nominal, -0.60/+0.60 V, 120 mV ripple, 0 to 62.5 A. */
    public static byte[] dcOutput(boolean last) {
        return multiRecord(0x01, last, 0x01, 0xB0, 0x04, 0xC4, 0xFF, 0x3C, 0x00, 120, 0, 0, 0, 0x24, 0xF4);
    }

    /** §18.4 Management Access Record, sub-record 02h System Name. */
    public static byte[] systemName(boolean last, String name) {
        int[] d = new int[1 + name.length()];
        d[0] = 0x02;
        for (int i = 0; i < name.length(); i++) {
            d[1 + i] = name.charAt(i);
        }
        return multiRecord(0x03, last, d);
    }

    /** {@link #everyEncoding()} with a power supply, a DC output and a system name record. */
    public static byte[] withPowerSupply() {
        return withMultiRecords(everyEncoding(), powerSupply(false), dcOutput(false), systemName(true, "rack7-node3"));
    }

    /** Board manufacturing time of {@link #everyEncoding()}. */
    public static final Instant MFG = Instant.parse("2023-06-15T12:34:00Z");

    /**
     * All three areas, each of the four encodings at least once: chassis part number BCD plus, chassis serial
     * and board product 6-bit packed, a binary custom field, the rest 8-bit ASCII.
     */
    public static byte[] everyEncoding() {
        return image(
                chassis(0x17, List.of(Field.bcdPlus("123-45.6"), Field.sixBit("SN ABC12"), Field.binary(0xde, 0xad))),
                board(MFG, List.of(Field.ascii8("Acme Boards"), Field.sixBit("MAINBOARD X"),
                        Field.ascii8("BSN-0042"), Field.bcdPlus("9876-5"), Field.ascii8(""))),
                product(List.of(Field.ascii8("Acme Systems"), Field.ascii8("Rackserver 9"), Field.ascii8("RS-9"),
                        Field.ascii8("B2"), Field.ascii8("PSN-77"), Field.ascii8("TAG-1"), Field.ascii8(""))));
    }

    static byte zeroChecksum(byte[] b, int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += b[i] & 0xff;
        }
        return (byte) -sum;
    }
}
