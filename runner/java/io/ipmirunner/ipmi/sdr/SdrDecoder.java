package io.ipmirunner.ipmi.sdr;

import io.ipmirunner.ipmi.fru.FruText;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Decodes one SDR (header included) into an {@link SdrRecord}; malformed input becomes a Raw record. */
public final class SdrDecoder {
    public static final int HEADER = 5;
    static final int FULL = 0x01;
    static final int COMPACT = 0x02;
    /** §43.1 byte 48 / §43.2 byte 32 (0-based 47 / 31): the ID string type/length. */
    private static final int FULL_ID = 47;
    private static final int COMPACT_ID = 31;
    static final int EVENT_ONLY = 0x03;
    static final int FRU_LOCATOR = 0x11;
    static final int MC_LOCATOR = 0x12;
    /** §43.3 byte 17, §43.9 and §43.10 byte 16 (0-based 16 / 15): the ID string type/length. */
    private static final int EVENT_ONLY_ID = 16;
    private static final int LOCATOR_ID = 15;

    private SdrDecoder() {}

    /**
     * The sensors (or the one other record) {@code r} describes: a compact or event-only record with a share
     * count stands for several ({@link SharedSensors}); {@link #decode} gives the record as stored.
     */
    public static List<SdrRecord> decodeAll(byte[] r) {
        return SharedSensors.expand(decode(r), r);
    }

    public static SdrRecord decode(byte[] r) {
        if (r.length < HEADER) {
            return new SdrRecord.Raw(-1, -1, r, "record of " + r.length + " bytes has no complete header");
        }
        int id = u8(r, 0) | u8(r, 1) << 8;
        int type = u8(r, 3);
        int idAt = switch (type) {
            case FULL -> FULL_ID;
            case COMPACT -> COMPACT_ID;
            case EVENT_ONLY -> EVENT_ONLY_ID;
            case FRU_LOCATOR, MC_LOCATOR -> LOCATOR_ID;
            default -> -1;
        };
        if (idAt < 0) {
            return new SdrRecord.Raw(id, type, r, null);
        }
        if (r.length <= idAt) {
            return new SdrRecord.Raw(id, type, r, "type 0x%02x record of %d bytes is too short"
                    .formatted(type, r.length));
        }
        switch (type) {
            case EVENT_ONLY -> {
                return new SdrRecord.EventOnly(id, u8(r, 5), u8(r, 6) & 3, u8(r, 7), u8(r, 8), u8(r, 9), u8(r, 10),
                        u8(r, 11), idString(r, idAt));
            }
            // §43.9: byte 8 bit 7 logical, bits 4:3 LUN; byte 9 bits 7:4 channel.
            case FRU_LOCATOR -> {
                return new SdrRecord.FruLocator(id, u8(r, 5), u8(r, 6), (u8(r, 7) & 0x80) != 0, u8(r, 7) >> 3 & 3,
                        u8(r, 8) >> 4, u8(r, 10), u8(r, 11), u8(r, 12), u8(r, 13), idString(r, idAt));
            }
            // §43.10: byte 7 bits 3:0 channel; byte 9 device capabilities.
            case MC_LOCATOR -> {
                return new SdrRecord.McLocator(id, u8(r, 5), u8(r, 6) & 0x0f, u8(r, 8), u8(r, 12), u8(r, 13),
                        idString(r, idAt));
            }
            default -> { }
        }
        int units1 = u8(r, 20);
        Conversion c = type == FULL ? fullConversion(r, units1) : new Conversion(Conversion.NO_ANALOG, 0, 0, 0, 0, 0);
        return new SdrRecord.Sensor(id, type, u8(r, 5), u8(r, 6) & 3, u8(r, 7), u8(r, 8), u8(r, 9), u8(r, 12),
                u8(r, 13), u8(r, 21), u8(r, 22), (units1 >> 1) & 3, (units1 & 1) != 0, c, idString(r, idAt));
    }

    /** §43.1 bytes 24-30: linearization, 10-bit M and B, 4-bit signed R and B exponents. */
    private static Conversion fullConversion(byte[] r, int units1) {
        int m = Conversion.signed(u8(r, 24) | (u8(r, 25) & 0xc0) << 2, 10);
        int b = Conversion.signed(u8(r, 26) | (u8(r, 27) & 0xc0) << 2, 10);
        int exps = u8(r, 29);
        return new Conversion(units1 >> 6, m, b, Conversion.signed(exps & 0x0f, 4),
                Conversion.signed(exps >> 4, 4), u8(r, 23) & 0x7f);
    }

    /**
     * §43.15 ID string: the FRU type/length encodings except that type 00b is Unicode, and the length
     * (bits 4:0) counts characters, not bytes: 8 characters of 6-bit ASCII take 6 bytes. A body running
     * past the record's end is cut to what is there.
     */
    static String idString(byte[] r, int at) {
        int tl = u8(r, at);
        int type = tl >> 6;
        int chars = tl & 0x1f;
        int bytes = switch (type) {
            case 0 -> chars * 2;
            case 1 -> (chars + 1) / 2;
            case 2 -> (chars * 6 + 7) / 8;
            default -> chars;
        };
        byte[] body = Arrays.copyOfRange(r, at + 1, at + 1 + Math.min(bytes, r.length - at - 1));
        String s = type == 0 ? new String(body, StandardCharsets.UTF_16LE) : FruText.decode(type, body);
        s = s.length() > chars ? s.substring(0, chars) : s;
        int nul = s.indexOf('\0');
        return nul >= 0 ? s.substring(0, nul) : s;
    }

    private static int u8(byte[] r, int i) {
        return r[i] & 0xff;
    }
}
