package io.ipmirunner.ipmi.sel;

import java.time.Instant;
import java.util.Arrays;

/** One SEL record (IPMI v2.0 §32.1 Table 32-1, §32.2, §32.3): 16 bytes, the type at byte 3. */
public sealed interface SelEntry {
    int id();

    /** Record type 0x02: a platform event, as a sensor reported it. */
    record SystemEvent(int id, long timestamp, int generatorId, int evmRevision, int sensorType,
                       int sensorNumber, boolean deassertion, int eventType, int data1, int data2, int data3)
            implements SelEntry {
        /** Event data 1 bits 3:0: the offset of the state that changed (§29.7 Table 29-6). */
        public int offset() {
            return data1 & 0x0f;
        }
    }

    /** Types 0xC0-0xDF keep a timestamp and manufacturer id; 0xE0-0xFF (and unknown types) are opaque. */
    record Oem(int id, int recordType, long timestamp, byte[] bytes) implements SelEntry {
        public Oem {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** Fewer than 16 bytes came back: kept raw, with the reason. */
    record Malformed(int id, byte[] bytes, String defect) implements SelEntry {
        public Malformed {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** Timestamps at or below this are seconds since the BMC's initialisation, not 1970 (§37 Table 37-1). */
    long PRE_INIT_MAX = 0x20000000L;
    /** 0xFFFFFFFF: the timestamp is unspecified. */
    long UNSPECIFIED = 0xFFFFFFFFL;

    /** ISO-8601 UTC for absolute timestamps; "pre-init +Ns" or "unspecified" for the others. */
    static String timestampText(long t) {
        if (t == UNSPECIFIED) {
            return "unspecified";
        }
        return t <= PRE_INIT_MAX ? "pre-init +" + t + "s" : Instant.ofEpochSecond(t).toString();
    }

    static SelEntry decode(byte[] r) {
        if (r.length < 16) {
            int id = r.length >= 2 ? (r[0] & 0xff) | (r[1] & 0xff) << 8 : -1;
            return new Malformed(id, r, "SEL record of " + r.length + " bytes, expected 16");
        }
        int id = u8(r, 0) | u8(r, 1) << 8;
        int type = u8(r, 2);
        long ts = u8(r, 3) | u8(r, 4) << 8 | u8(r, 5) << 16 | (long) u8(r, 6) << 24;
        if (type == 0x02) {
            // Table 32-1: generator id (2), EvM revision, sensor type, sensor number, event dir | type, data 1-3.
            return new SystemEvent(id, ts, u8(r, 7) | u8(r, 8) << 8, u8(r, 9), u8(r, 10), u8(r, 11),
                    (u8(r, 12) & 0x80) != 0, u8(r, 12) & 0x7f, u8(r, 13), u8(r, 14), u8(r, 15));
        }
        return new Oem(id, type, type >= 0xC0 && type <= 0xDF ? ts : UNSPECIFIED, Arrays.copyOf(r, 16));
    }

    private static int u8(byte[] r, int i) {
        return r[i] & 0xff;
    }
}
