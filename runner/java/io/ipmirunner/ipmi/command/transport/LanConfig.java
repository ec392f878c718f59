package io.ipmirunner.ipmi.command.transport;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/**
 * Get and Set LAN Configuration Parameters (IPMI v2.0 §23.1-23.2, Tables 23-2 and 23-3; parameters in
 * Table 23-4). The parameters' contents are read by {@link LanParameters}.
 */
public final class LanConfig {
    public static final int REVISION = 0x11;
    public static final int CC_PARAMETER_NOT_SUPPORTED = 0x80;
    /** Set: "set in progress" written while another set is in progress. */
    public static final int CC_SET_IN_PROGRESS = 0x81;
    /** Set: the parameter is read-only. */
    public static final int CC_READ_ONLY = 0x82;
    public static final int SET_IN_PROGRESS = 0;
    public static final int AUTH_TYPE_SUPPORT = 1;
    public static final int AUTH_TYPE_ENABLES = 2;
    public static final int IP_ADDRESS = 3;
    public static final int IP_SOURCE = 4;
    public static final int MAC_ADDRESS = 5;
    public static final int SUBNET_MASK = 6;
    public static final int DEFAULT_GATEWAY = 12;
    public static final int DEFAULT_GATEWAY_MAC = 13;
    public static final int VLAN_ID = 20;
    public static final int CIPHER_SUITE_SUPPORT = 22;
    public static final int CIPHER_SUITE_ENTRIES = 23;
    public static final int CIPHER_SUITE_PRIVILEGES = 24;

    private LanConfig() {}

    /** Byte 1: bit 7 "revision only", bits 3:0 channel; then parameter, set and block selectors. */
    public record GetRequest(int channel, boolean revisionOnly, int parameter, int setSelector, int blockSelector)
            implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(channel & 0x0F | (revisionOnly ? 0x80 : 0)).u8(parameter).u8(setSelector).u8(blockSelector);
        }

        public static GetRequest decode(ByteReader r) throws MalformedPacketException {
            int b = r.u8();
            return new GetRequest(b & 0x0F, (b & 0x80) != 0, r.u8(), r.u8(), r.u8());
        }
    }

    /** Parameter revision, then the parameter data (absent when only the revision was asked for). */
    public record GetResponse(int revision, byte[] data) implements WireMessage {
        public GetResponse {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public void encode(ByteWriter w) {
            w.u8(revision).bytes(data);
        }

        public static GetResponse decode(ByteReader r) throws MalformedPacketException {
            return new GetResponse(r.u8(), r.rest());
        }
    }

    /** Set request: channel (bits 3:0), parameter, then the parameter's data. */
    public record SetRequest(int channel, int parameter, byte[] data) implements WireMessage {
        public SetRequest {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public void encode(ByteWriter w) {
            w.u8(channel & 0x0F).u8(parameter).bytes(data);
        }

        public static SetRequest decode(ByteReader r) throws MalformedPacketException {
            return new SetRequest(r.u8() & 0x0F, r.u8(), r.rest());
        }
    }
}
