package io.ipmirunner.ipmi.fru;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The four type/length encodings of FRU fields (Platform Management FRU Information Storage Definition
 * v1.0 §13.1, type/length byte bits 7:6).
 */
public final class FruText {
    private FruText() {}

    /** Text of a field whose type is {@code type} (0..3) and whose body is {@code b}, in an English area. */
    public static String decode(int type, byte[] b) {
        return decode(type, b, true);
    }

    /**
     * Text of a field in an area whose language code is English or not ({@link #english}). §13.1: type 11b
     * is 8-bit ASCII + Latin 1 in English areas, else 2-byte Unicode, least significant byte first. A body of
     * odd length cannot be Unicode: it is read 8-bit, as the plain text some BMCs put under another
     * language code. ipmitool and FreeIPMI read 11b as 8-bit whatever the language.
     */
    public static String decode(int type, byte[] b, boolean english) {
        return switch (type) {
            case 0 -> HexFormat.of().formatHex(b);
            case 1 -> bcdPlus(b);
            case 2 -> sixBitAscii(b);
            default -> english || b.length % 2 != 0 ? new String(b, StandardCharsets.ISO_8859_1)
                    : stripTrailingNuls(new String(b, StandardCharsets.UTF_16LE));
        };
    }

    /**
     * FRU spec §15, Table 15-1: language code 0 and 25 ("en") are English; the chassis area has no language
     * code and is English, as are multi-records.
     */
    public static boolean english(int languageCode) {
        return languageCode == 0 || languageCode == 25;
    }

    private static String stripTrailingNuls(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') {
            end--;
        }
        return s.substring(0, end);
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
