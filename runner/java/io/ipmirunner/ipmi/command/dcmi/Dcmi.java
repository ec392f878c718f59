package io.ipmirunner.ipmi.command.dcmi;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/**
 * DCMI commands (DCMI v1.5 §6.1 Get DCMI Capabilities Info, §6.6.1 Get Power Reading): group extension
 * network function, every request and response starting with the DCMI group id 0xDC.
 */
public final class Dcmi {
    public static final int GROUP_ID = 0xDC;
    public static final int MODE_SYSTEM_POWER_STATISTICS = 0x01;
    /** §6.1 Table 6-3 parameter 1: supported DCMI capabilities. */
    public static final int PARAMETER_SUPPORTED_CAPABILITIES = 0x01;
    /** Power reading state byte bit 6: power measurement active. */
    public static final int MEASUREMENT_ACTIVE = 0x40;

    private Dcmi() {}

    private static void group(ByteReader r) throws MalformedPacketException {
        int g = r.u8();
        if (g != GROUP_ID) {
            throw new MalformedPacketException(String.format("DCMI group id 0x%02x", g));
        }
    }

    public record CapabilitiesRequest(int parameter) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(GROUP_ID).u8(parameter);
        }

        public static CapabilitiesRequest decode(ByteReader r) throws MalformedPacketException {
            group(r);
            return new CapabilitiesRequest(r.u8());
        }
    }

    /** Conformance major/minor (BCD-ish 0x01, 0x05), parameter revision, then the parameter data. */
    public record Capabilities(int major, int minor, int revision, byte[] data) implements WireMessage {
        public Capabilities {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public void encode(ByteWriter w) {
            w.u8(GROUP_ID).u8(major).u8(minor).u8(revision).bytes(data);
        }

        public static Capabilities decode(ByteReader r) throws MalformedPacketException {
            group(r);
            return new Capabilities(r.u8(), r.u8(), r.u8(), r.rest());
        }
    }

    public record PowerReadingRequest(int mode, int modeAttributes) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(GROUP_ID).u8(mode).u8(modeAttributes).u8(0);
        }

        public static PowerReadingRequest decode(ByteReader r) throws MalformedPacketException {
            group(r);
            int mode = r.u8();
            int attrs = r.u8();
            r.skip(1);
            return new PowerReadingRequest(mode, attrs);
        }
    }

    /** Watts now, minimum, maximum and average over the period; timestamp (s), period (ms), state. */
    public record PowerReading(int current, int minimum, int maximum, int average, int timestamp, int periodMillis,
                               int state) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(GROUP_ID).u16(current).u16(minimum).u16(maximum).u16(average).u32(timestamp).u32(periodMillis)
                    .u8(state);
        }

        public static PowerReading decode(ByteReader r) throws MalformedPacketException {
            group(r);
            return new PowerReading(r.u16(), r.u16(), r.u16(), r.u16(), r.u32(), r.u32(), r.u8());
        }

        public boolean active() {
            return (state & MEASUREMENT_ACTIVE) != 0;
        }
    }
}
