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
        return area(new byte[] {1, 0, 0}, fields);
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
