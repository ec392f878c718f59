package io.ipmirunner.ipmi.fru;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Walks the FRU multi-record area (FRU Information Storage Definition v1.0 §16.1): 5-byte headers (type,
 * end-of-list bit and format version 2, data length, data checksum, header checksum), each followed by its
 * data. A bad header checksum ends the walk (its length cannot be trusted); a bad data checksum or a short
 * record is a warning and the record is still decoded as far as it goes.
 */
final class MultiRecordDecoder {
    static final int HEADER = 5;
    private static final int END_OF_LIST = 0x80;
    private static final int FORMAT_VERSION = 2;
    /** §18.4 Table 18-6 management access sub-record types 01h..07h. */
    private static final String[] ACCESS_TYPES = {"system_url", "system_name", "system_ping_address",
            "component_url", "component_name", "component_ping_address", "system_guid"};

    /** The records, and where the area ends (for overlap checks). */
    record Walk(List<MultiRecord> records, int end) {}

    private MultiRecordDecoder() {}

    static Walk decode(byte[] image, int start, List<String> warnings) {
        List<MultiRecord> out = new ArrayList<>();
        int pos = start;
        while (true) {
            if (pos + HEADER > image.length) {
                warnings.add(("multi-record area: header at offset %d runs past the %d-byte image (no end-of-list "
                        + "record)").formatted(pos, image.length));
                return new Walk(out, Math.min(pos, image.length));
            }
            if (sum(image, pos, pos + HEADER) != 0) {
                warnings.add("multi-record area: header " + FruInventory.CHECKSUM_MISMATCH + " at offset " + pos + ", rest skipped");
                return new Walk(out, pos + HEADER);
            }
            int type = u8(image, pos);
            int flags = u8(image, pos + 1);
            int length = u8(image, pos + 2);
            if ((flags & 0x0f) != FORMAT_VERSION) {
                warnings.add("multi-record at offset %d: format version %d, expected 2".formatted(pos, flags & 0x0f));
            }
            int dataStart = pos + HEADER;
            int dataEnd = Math.min(dataStart + length, image.length);
            if (dataEnd < dataStart + length) {
                warnings.add("multi-record at offset %d: %d data bytes declared, %d present".formatted(pos, length,
                        dataEnd - dataStart));
            } else if ((sum(image, dataStart, dataEnd) + u8(image, pos + 3) & 0xff) != 0) {
                warnings.add("multi-record at offset %d: data %s".formatted(pos, FruInventory.CHECKSUM_MISMATCH));
            }
            byte[] data = java.util.Arrays.copyOfRange(image, dataStart, dataEnd);
            out.add(record(type, data, pos, warnings));
            if ((flags & END_OF_LIST) != 0 || dataEnd < dataStart + length) {
                return new Walk(out, dataEnd);
            }
            pos = dataEnd;
        }
    }

    private static MultiRecord record(int type, byte[] d, int at, List<String> warnings) {
        int need = switch (type) {
            case 0x00 -> 24;
            case 0x01 -> 13;
            case 0x03 -> 1;
            default -> 0;
        };
        if (d.length < need) {
            warnings.add("multi-record at offset %d: type %02xh needs %d data bytes, has %d".formatted(at, type, need,
                    d.length));
            return new MultiRecord.Other(type, HexFormat.of().formatHex(d));
        }
        return switch (type) {
            case 0x00 -> powerSupply(d);
            case 0x01 -> dcOutput(d);
            case 0x03 -> access(d);
            default -> new MultiRecord.Other(type, HexFormat.of().formatHex(d));
        };
    }

    /** §18.1 Table 18-1; input voltages in 10 mV units. */
    private static MultiRecord.PowerSupply powerSupply(byte[] d) {
        int peakVa = u16(d, 2);
        int flags = u8(d, 17);
        int peak = u16(d, 18);
        return new MultiRecord.PowerSupply(u16(d, 0) & 0x0fff, peakVa == 0xffff ? null : peakVa,
                u8(d, 4) == 0xff ? null : u8(d, 4), u8(d, 5) == 0xff ? null : u8(d, 5), u16(d, 6) / 100.0,
                u16(d, 8) / 100.0, u16(d, 10) / 100.0, u16(d, 12) / 100.0, u8(d, 14), u8(d, 15), u8(d, 16),
                (flags & 0x01) != 0, (flags & 0x02) != 0, (flags & 0x04) != 0, (flags & 0x08) != 0,
                (flags & 0x10) != 0, peak & 0x0fff, peak >> 12, u8(d, 20) >> 4, u8(d, 20) & 0x0f, u16(d, 21),
                u8(d, 23));
    }

    /** §18.2 Table 18-2: signed voltages in 10 mV units, ripple in mV, currents in mA. */
    private static MultiRecord.DcOutput dcOutput(byte[] d) {
        return new MultiRecord.DcOutput(u8(d, 0) & 0x0f, (u8(d, 0) & 0x80) != 0, (short) u16(d, 1) / 100.0,
                (short) u16(d, 3) / 100.0, (short) u16(d, 5) / 100.0, u16(d, 7), u16(d, 9) / 1000.0,
                u16(d, 11) / 1000.0);
    }

    /** §18.4: sub-record type, then ASCII text (types 01h-06h) or a 16-byte GUID (07h). */
    private static MultiRecord.ManagementAccess access(byte[] d) {
        int sub = u8(d, 0);
        byte[] body = java.util.Arrays.copyOfRange(d, 1, d.length);
        String name = sub >= 1 && sub <= ACCESS_TYPES.length ? ACCESS_TYPES[sub - 1] : "0x%02x".formatted(sub);
        String value = sub == 7 ? HexFormat.of().formatHex(body)
                : new String(body, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\0", "");
        return new MultiRecord.ManagementAccess(name, value);
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    private static int u16(byte[] b, int i) {
        return u8(b, i) | u8(b, i + 1) << 8;
    }

    private static int sum(byte[] b, int from, int to) {
        int s = 0;
        for (int i = from; i < to; i++) {
            s += b[i] & 0xff;
        }
        return s & 0xff;
    }
}
