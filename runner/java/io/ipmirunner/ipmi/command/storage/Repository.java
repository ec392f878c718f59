package io.ipmirunner.ipmi.command.storage;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/**
 * Messages the SDR repository (IPMI v2.0 §33) and the SEL (§31) share in shape: the repository info
 * (§33.9 Table 33-3, §31.2 Table 31-2), reservations (§33.11, §31.4) and the reserved, paged record read
 * (Get SDR §33.12 Table 33-5, Get SEL Entry §31.5 Table 31-5).
 */
public final class Repository {
    /** Record id 0x0000 names the first record, 0xFFFF the last, and ends the walk as "next". */
    public static final int FIRST = 0x0000;
    public static final int LAST = 0xFFFF;
    /** "Bytes to read" 0xFF means the entire record. */
    public static final int ENTIRE_RECORD = 0xFF;
    public static final int VERSION_1_5 = 0x51;

    private Repository() {}

    /** Version 0x51, record count, free bytes, last addition and erase times, operation support bits. */
    public record Info(int version, int records, int freeBytes, int lastAddition, int lastErase,
                       int operationSupport) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(version).u16(records).u16(freeBytes).u32(lastAddition).u32(lastErase).u8(operationSupport);
        }

        public static Info decode(ByteReader r) throws MalformedPacketException {
            return new Info(r.u8(), r.u16(), r.u16(), r.u32(), r.u32(), r.u8());
        }
    }

    public record Reservation(int id) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u16(id);
        }

        public static Reservation decode(ByteReader r) throws MalformedPacketException {
            return new Reservation(r.u16());
        }
    }

    public record ReadRequest(int reservation, int recordId, int offset, int count) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u16(reservation).u16(recordId).u8(offset).u8(count);
        }

        public static ReadRequest decode(ByteReader r) throws MalformedPacketException {
            return new ReadRequest(r.u16(), r.u16(), r.u8(), r.u8());
        }
    }

    public record ReadResponse(int nextRecordId, byte[] bytes) implements WireMessage {
        public ReadResponse {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public void encode(ByteWriter w) {
            w.u16(nextRecordId).bytes(bytes);
        }

        public static ReadResponse decode(ByteReader r) throws MalformedPacketException {
            return new ReadResponse(r.u16(), r.rest());
        }
    }
}
