package io.ipmirunner.ipmi.sdr;

import java.util.ArrayList;
import java.util.List;

/**
 * One compact or event-only record standing for several sensors (IPMI v2.0 §43.2 Table 43-2 bytes 24-25,
 * §43.3 Table 43-3 bytes 13-14; DIMM and power supply sensors of real servers come this way). Bits 3:0 of the
 * first byte are the share count: that many sensors, numbered on from the record's sensor number. Bits 5:4
 * say how each is named, the ID string then a space and an instance modifier counted from the offset in bits
 * 6:0 of the second byte: numeric ("Temp 5", "Temp 6" for offset 5) or alpha (offset 0 is A, 25 Z, 26 AA).
 * Bit 7 of the second byte set: the entity instance goes up by one from sensor to sensor, else all share it.
 * FreeIPMI's ipmi-sensors names them the same way with --shared-sensors; ipmitool lists only the first.
 */
public final class SharedSensors {
    /** 0-based offsets of the record sharing bytes in a compact and an event-only record. */
    private static final int COMPACT_SHARING = 23;
    private static final int EVENT_ONLY_SHARING = 12;
    private static final int ALPHA = 1;

    private SharedSensors() {}

    /** {@code first}, decoded from {@code r}, and the other sensors sharing its record, in sensor number order. */
    static List<SdrRecord> expand(SdrRecord first, byte[] r) {
        int at = switch (first) {
            case SdrRecord.Sensor s when s.recordType() == SdrDecoder.COMPACT -> COMPACT_SHARING;
            case SdrRecord.EventOnly e -> EVENT_ONLY_SHARING;
            default -> -1;
        };
        if (at < 0 || r.length < at + 2) {
            return List.of(first);
        }
        int count = r[at] & 0x0F;
        boolean alpha = (r[at] >> 4 & 3) == ALPHA;
        int offset = r[at + 1] & 0x7F;
        boolean instanceIncrements = (r[at + 1] & 0x80) != 0;
        if (count <= 1) {
            return List.of(first);
        }
        List<SdrRecord> all = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String name = name(first) + " " + (alpha ? letters(offset + n) : Integer.toString(offset + n));
            all.add(switch (first) {
                case SdrRecord.Sensor s -> s.instance(s.number() + n, s.entityInstance() + (instanceIncrements ? n : 0),
                        name);
                case SdrRecord.EventOnly e -> e.instance(e.number() + n,
                        e.entityInstance() + (instanceIncrements ? n : 0), name);
                default -> throw new IllegalStateException("only compact and event-only records are shared");
            });
            if (number(first) + n == 0xFF) {
                break; // a sensor number is one byte: a BMC's count running past 255 names no more sensors
            }
        }
        return all;
    }

    /** The alpha modifier: 0 is A, 25 Z, 26 AA, 27 AB (§43.2 Table 43-2 byte 25's example). */
    static String letters(int index) {
        String last = String.valueOf((char) ('A' + index % 26));
        return index < 26 ? last : letters(index / 26 - 1) + last;
    }

    private static String name(SdrRecord r) {
        return r instanceof SdrRecord.Sensor s ? s.name() : ((SdrRecord.EventOnly) r).name();
    }

    private static int number(SdrRecord r) {
        return r instanceof SdrRecord.Sensor s ? s.number() : ((SdrRecord.EventOnly) r).number();
    }
}
