package io.ipmirunner.ipmi.command.app;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/**
 * Get Channel Info (IPMI v2.0 §22.24, Table 22-28): medium (Table 6-3, 0x04 = 802.3 LAN), protocol
 * (Table 6-2, 0x01 = IPMB-1.0), session support in bits 7:6 with the active session count in bits 5:0,
 * and the vendor IANA number (7154 = the IPMI forum, for standard channels).
 */
public record ChannelInfo(int channel, int medium, int protocol, int sessionSupport, int activeSessions,
                          int vendorIana, int aux) implements WireMessage {
    public static final int MEDIUM_LAN = 0x04;
    public static final int PROTOCOL_IPMB = 0x01;
    public static final int MULTI_SESSION = 0x02;
    public static final int IPMI_FORUM_IANA = 7154;

    @Override
    public void encode(ByteWriter w) {
        w.u8(channel & 0x0F).u8(medium & 0x7F).u8(protocol & 0x1F);
        w.u8((sessionSupport & 3) << 6 | activeSessions & 0x3F).u24(vendorIana).u16(aux);
    }

    public static ChannelInfo decode(ByteReader r) throws MalformedPacketException {
        int ch = r.u8() & 0x0F;
        int medium = r.u8() & 0x7F;
        int protocol = r.u8() & 0x1F;
        int s = r.u8();
        return new ChannelInfo(ch, medium, protocol, s >> 6 & 3, s & 0x3F, r.u24(), r.u16());
    }

    /** The request: one channel number (0x0E = the channel this request came in on). */
    public record Request(int channel) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(channel & 0x0F);
        }

        public static Request decode(ByteReader r) throws MalformedPacketException {
            return new Request(r.u8() & 0x0F);
        }
    }
}
