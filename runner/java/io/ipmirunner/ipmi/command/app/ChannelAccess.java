package io.ipmirunner.ipmi.command.app;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/**
 * Get Channel Access (IPMI v2.0 §22.23, Table 22-25): byte 1 bits 5:3 disable alerting, per-message and
 * user-level authentication, bits 2:0 the access mode (2 = always available); byte 2 the channel's
 * privilege limit.
 */
public record ChannelAccess(int flags, int accessMode, int privilegeLimit) implements WireMessage {
    public static final int ALWAYS_AVAILABLE = 2;

    @Override
    public void encode(ByteWriter w) {
        w.u8(flags & 0x38 | accessMode & 0x07).u8(privilegeLimit & 0x0F);
    }

    public static ChannelAccess decode(ByteReader r) throws MalformedPacketException {
        int b = r.u8();
        return new ChannelAccess(b & 0x38, b & 0x07, r.u8() & 0x0F);
    }

    /** Request: channel (bits 3:0), then bits 7:6 which settings, 01b non-volatile or 10b volatile. */
    public record Request(int channel, int which) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(channel & 0x0F).u8((which & 3) << 6);
        }

        public static Request decode(ByteReader r) throws MalformedPacketException {
            return new Request(r.u8() & 0x0F, r.u8() >> 6 & 3);
        }
    }
}
