package io.ipmirunner.ipmi.command.storage;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/** SEL commands beyond the shared repository shapes (IPMI v2.0 §31.3, §31.9, §31.10). */
public final class Sel {
    /** A SEL record is 16 bytes (§32.1). */
    public static final int RECORD_LENGTH = 16;
    public static final int CLEAR_INITIATE = 0xAA;
    public static final int CLEAR_STATUS = 0x00;
    public static final int ERASE_COMPLETED = 0x01;

    private Sel() {}

    /** Get SEL Allocation Info response (Table 31-3). */
    public record AllocationInfo(int possibleUnits, int unitSize, int freeUnits, int largestFreeBlock,
                                 int maxRecordUnits) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u16(possibleUnits).u16(unitSize).u16(freeUnits).u16(largestFreeBlock).u8(maxRecordUnits);
        }

        public static AllocationInfo decode(ByteReader r) throws MalformedPacketException {
            return new AllocationInfo(r.u16(), r.u16(), r.u16(), r.u16(), r.u8());
        }
    }

    /** Clear SEL request (Table 31-9): reservation, the letters 'C' 'L' 'R', then initiate or get status. */
    public record ClearRequest(int reservation, boolean lettersOk, int action) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u16(reservation).u8('C').u8('L').u8('R').u8(action);
        }

        public static ClearRequest decode(ByteReader r) throws MalformedPacketException {
            int res = r.u16();
            boolean ok = r.u8() == 'C' & r.u8() == 'L' & r.u8() == 'R';
            return new ClearRequest(res, ok, r.u8());
        }
    }

    /** Clear SEL response: erasure progress, bits 3:0 (0 in progress, 1 completed). */
    public record ClearResponse(int progress) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(progress);
        }

        public static ClearResponse decode(ByteReader r) throws MalformedPacketException {
            return new ClearResponse(r.u8() & 0x0F);
        }
    }

    /** Get SEL Time response (§31.10) and Set SEL Time request (§31.11): seconds since 1970-01-01 UTC, 32 bits. */
    public record Time(int seconds) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u32(seconds);
        }

        public static Time decode(ByteReader r) throws MalformedPacketException {
            return new Time(r.u32());
        }
    }
}
