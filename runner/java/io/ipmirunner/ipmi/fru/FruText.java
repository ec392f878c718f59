package io.ipmirunner.ipmi.fru;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The four type/length encodings of FRU fields (Platform Management FRU Information Storage Definition
 * v1.0 §13.1, type/length byte bits 7:6).
 */
public final class FruText {
    private FruText() {}

    /** Text of a field whose type is {@code type} (0..3) and whose body is {@code b}. */
    public static String decode(int type, byte[] b) {
        return switch (type) {
            case 0 -> HexFormat.of().formatHex(b);
            case 1 -> bcdPlus(b);
            case 2 -> sixBitAscii(b);
            // §13.1: 11b is 2-byte Unicode when the area's language is not English, but BMCs put arbitrary
            // language codes next to plain ASCII; ipmitool and FreeIPMI read 8-bit, and so do we.
            default -> new String(b, StandardCharsets.ISO_8859_1);
        };
    }

    /** §13.1 BCD plus: digits, then space, dash and period for 0xA..0xC; 0xD..0xF are reserved. */
    static String bcdPlus(byte[] b) {
        StringBuilder s = new StringBuilder(b.length * 2);
        for (byte x : b) {
            s.append(bcdChar((x >> 4) & 0xf)).append(bcdChar(x & 0xf));
        }
        return s.toString();
    }

    private static char bcdChar(int nibble) {
        return switch (nibble) {
            case 0xA -> ' ';
            case 0xB -> '-';
            case 0xC -> '.';
            case 0xD, 0xE, 0xF -> '?';
            default -> (char) ('0' + nibble);
        };
    }

    /**
     * §13.1 6-bit packed ASCII: four characters (0x20 + value) in every three bytes, least significant bits
     * first. Trailing spaces are dropped: they are the zero padding of the last byte, indistinguishable
     * from a space the writer meant (ipmitool keeps them).
     */
    public static String sixBitAscii(byte[] b) {
        int chars = b.length * 8 / 6;
        StringBuilder s = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) {
            int bit = i * 6;
            int lo = b[bit / 8] & 0xff;
            int hi = bit / 8 + 1 < b.length ? b[bit / 8 + 1] & 0xff : 0;
            int v = ((lo | hi << 8) >> (bit % 8)) & 0x3f;
            s.append((char) (0x20 + v));
        }
        return s.toString().stripTrailing();
    }
}
