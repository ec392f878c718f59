package io.ipmirunner.ipmi.command.chassis;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/**
 * Get/Set System Boot Options (IPMI v2.0 §28.12-§28.13, Tables 28-13 and 28-14). Parameters are
 * opaque bytes here; {@link BootFlags} reads parameter 5.
 */
public final class BootOptions {
    public static final int SET_IN_PROGRESS = 0;
    public static final int BOOT_FLAG_VALID_CLEARING = 3;
    public static final int BOOT_INFO_ACK = 4;
    public static final int BOOT_FLAGS = 5;
    /** Parameter version in every Get response (Table 28-13, byte 1). */
    public static final int PARAMETER_VERSION = 0x01;
    /** Completion codes specific to these commands (§28.12). */
    public static final int CC_PARAMETER_NOT_SUPPORTED = 0x80;
    public static final int CC_SET_IN_PROGRESS_ACTIVE = 0x81;
    public static final int CC_READ_ONLY = 0x82;

    private BootOptions() {}

    /** Set request: byte 1 bit 7 marks the parameter invalid, bits 6:0 select it; then its data. */
    public record SetRequest(int parameter, boolean markInvalid, byte[] data) implements WireMessage {
        public SetRequest {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public void encode(ByteWriter w) {
            w.u8(parameter & 0x7F | (markInvalid ? 0x80 : 0)).bytes(data);
        }

        public static SetRequest decode(ByteReader r) throws MalformedPacketException {
            int b = r.u8();
            return new SetRequest(b & 0x7F, (b & 0x80) != 0, r.rest());
        }
    }

    /** Get request: parameter selector, set selector, block selector. */
    public record GetRequest(int parameter, int setSelector, int blockSelector) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(parameter & 0x7F).u8(setSelector).u8(blockSelector);
        }

        public static GetRequest decode(ByteReader r) throws MalformedPacketException {
            int p = r.u8() & 0x7F;
            // ipmitool always sends the selectors; a short request only names the parameter.
            int set = r.hasRemaining() ? r.u8() : 0;
            int block = r.hasRemaining() ? r.u8() : 0;
            return new GetRequest(p, set, block);
        }
    }

    /** Get response: version, bit 7 "invalid/locked" with the selector, then the parameter data. */
    public record GetResponse(int version, int parameter, boolean invalid, byte[] data) implements WireMessage {
        public GetResponse {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public void encode(ByteWriter w) {
            w.u8(version).u8(parameter & 0x7F | (invalid ? 0x80 : 0)).bytes(data);
        }

        public static GetResponse decode(ByteReader r) throws MalformedPacketException {
            int v = r.u8() & 0x0F;
            int b = r.u8();
            return new GetResponse(v, b & 0x7F, (b & 0x80) != 0, r.rest());
        }
    }
}
