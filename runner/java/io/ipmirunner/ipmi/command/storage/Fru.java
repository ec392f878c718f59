package io.ipmirunner.ipmi.command.storage;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/** FRU inventory device commands (IPMI v2.0 §34.1 Get FRU Inventory Area Info, §34.2 Read FRU Data). */
public final class Fru {
    private Fru() {}

    public record AreaInfoRequest(int deviceId) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(deviceId);
        }

        public static AreaInfoRequest decode(ByteReader r) throws MalformedPacketException {
            return new AreaInfoRequest(r.u8());
        }
    }

    /** Area size in bytes and whether the device is accessed by words (Table 34-2, byte 3 bit 0). */
    public record AreaInfo(int size, boolean wordAccess) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u16(size).u8(wordAccess ? 1 : 0);
        }

        public static AreaInfo decode(ByteReader r) throws MalformedPacketException {
            int size = r.u16();
            return new AreaInfo(size, (r.u8() & 1) != 0);
        }
    }

    public record ReadRequest(int deviceId, int offset, int count) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(deviceId).u16(offset).u8(count);
        }

        public static ReadRequest decode(ByteReader r) throws MalformedPacketException {
            return new ReadRequest(r.u8(), r.u16(), r.u8());
        }
    }

    /** Read FRU Data response (Table 34-3): the count returned, then exactly that many bytes. */
    public record ReadResponse(byte[] bytes) implements WireMessage {
        public ReadResponse {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public void encode(ByteWriter w) {
            w.u8(bytes.length).bytes(bytes);
        }

        public static ReadResponse decode(ByteReader r) throws MalformedPacketException {
            return new ReadResponse(r.bytes(r.u8()));
        }
    }
}
