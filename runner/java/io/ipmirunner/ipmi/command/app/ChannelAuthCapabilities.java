package io.ipmirunner.ipmi.command.app;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/** Get Channel Authentication Capabilities (IPMI v2.0 §22.13, Table 22-15). Sent before any session. */
public final class ChannelAuthCapabilities {
    /** Channel number meaning "the channel this request arrived on". */
    public static final int CURRENT_CHANNEL = 0x0E;
    /** Request byte 1 bit 7: ask for IPMI v2.0 extended data. */
    public static final int GET_V20_DATA = 0x80;

    private ChannelAuthCapabilities() {}

    public record Request(int channel, boolean v20Data, int maxPrivilege) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(channel & 0x0F | (v20Data ? GET_V20_DATA : 0)).u8(maxPrivilege & 0x0F);
        }

        public static Request decode(ByteReader r) throws MalformedPacketException {
            int b = r.u8();
            return new Request(b & 0x0F, (b & GET_V20_DATA) != 0, r.u8() & 0x0F);
        }
    }

    /**
     * @param authTypes  byte 2: bit 7 v2.0 extended data present, bit 5 OEM, 4 straight password, 2 MD5, 1 MD2, 0 none
     * @param status     byte 3: bit 5 K_g not default, 4 per-message auth disabled, 3 user-level auth disabled,
     *                   2 non-null user names, 1 null user names, 0 anonymous login
     * @param extended   byte 4: bit 1 IPMI v2.0 connections supported, bit 0 IPMI v1.5 connections supported
     */
    public record Response(int channel, int authTypes, int status, int extended, int oemId, int oemAux)
            implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(channel).u8(authTypes).u8(status).u8(extended).u24(oemId).u8(oemAux);
        }

        public static Response decode(ByteReader r) throws MalformedPacketException {
            int ch = r.u8();
            int types = r.u8();
            int status = r.u8();
            // Some v1.5-only BMCs stop here or send zeros for the reserved bytes.
            int ext = r.hasRemaining() ? r.u8() : 0;
            int oem = r.remaining() >= 3 ? r.u24() : 0;
            int aux = r.hasRemaining() ? r.u8() : 0;
            return new Response(ch, types, status, ext, oem, aux);
        }

        public boolean supportsV20() {
            return (authTypes & 0x80) != 0 && (extended & 0x02) != 0;
        }

        public boolean supportsV15() {
            return (authTypes & 0x80) == 0 || (extended & 0x01) != 0;
        }

        public boolean supportsAuthType(int v15AuthType) {
            return (authTypes & 1 << v15AuthType) != 0;
        }

        public boolean kgSet() {
            return (status & 0x20) != 0;
        }

        public boolean perMessageAuthDisabled() {
            return (status & 0x10) != 0;
        }

        public boolean anonymousLogin() {
            return (status & 0x01) != 0;
        }
    }
}
