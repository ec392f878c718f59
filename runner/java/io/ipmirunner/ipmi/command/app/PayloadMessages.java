package io.ipmirunner.ipmi.command.app;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/**
 * The payload commands of IPMI v2.0 §24 that Serial over LAN needs: Get Channel Payload Support (§24.8),
 * Get Payload Activation Status (§24.4), Activate Payload (§24.1) and Deactivate Payload (§24.2).
 */
public final class PayloadMessages {
    /** Activate Payload completion codes (§24.1, Table 24-2). */
    public static final int CC_ALREADY_ACTIVE = 0x80;
    public static final int CC_TYPE_DISABLED = 0x81;
    public static final int CC_ACTIVATION_LIMIT = 0x82;
    public static final int CC_CANNOT_ENCRYPT = 0x83;
    public static final int CC_MUST_ENCRYPT = 0x84;
    /** Deactivate Payload: the instance was not active (§24.2, Table 24-3). */
    public static final int CC_ALREADY_DEACTIVATED = 0x80;

    private PayloadMessages() {}

    /** A channel number, 0x0E meaning the channel the request arrives on (Get Channel Payload Support request). */
    public record ChannelRequest(int channel) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(channel & 0x0F);
        }

        public static ChannelRequest decode(ByteReader r) throws MalformedPacketException {
            return new ChannelRequest(r.u8() & 0x0F);
        }
    }

    /**
     * Get Channel Payload Support response (§24.8, Table 24-9): standard payload types 0-15 as a bit mask
     * (bit 1 = SOL), session set-up payloads, OEM payloads, two reserved bytes.
     */
    public record PayloadSupport(int standard, int sessionSetup, int oem, int reserved) implements WireMessage {
        public boolean supports(int payloadType) {
            return payloadType >= 0 && payloadType < 16 && (standard >> payloadType & 1) != 0;
        }

        @Override
        public void encode(ByteWriter w) {
            w.u16(standard).u16(sessionSetup).u16(oem).u16(reserved);
        }

        public static PayloadSupport decode(ByteReader r) throws MalformedPacketException {
            return new PayloadSupport(r.u16(), r.u16(), r.u16(), r.u16());
        }
    }

    /** A payload type alone (Get Payload Activation Status request). */
    public record TypeRequest(int payloadType) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(payloadType & 0x3F);
        }

        public static TypeRequest decode(ByteReader r) throws MalformedPacketException {
            return new TypeRequest(r.u8() & 0x3F);
        }
    }

    /** Get Payload Activation Status response (§24.4, Table 24-5): capacity, then instances 1-16 as bits. */
    public record ActivationStatus(int capacity, int activeInstances) implements WireMessage {
        public boolean active(int instance) {
            return instance >= 1 && instance <= 16 && (activeInstances >> (instance - 1) & 1) != 0;
        }

        @Override
        public void encode(ByteWriter w) {
            w.u8(capacity & 0x0F).u16(activeInstances);
        }

        public static ActivationStatus decode(ByteReader r) throws MalformedPacketException {
            return new ActivationStatus(r.u8() & 0x0F, r.u16());
        }
    }

    /**
     * Activate / Deactivate Payload request (§24.1 Table 24-2, §24.2 Table 24-3): type, instance, four
     * auxiliary bytes. For SOL activation (§24.1, SOL auxiliary data) byte 1 bit 7 asks for encrypted and bit 6
     * for authenticated payloads, bits 3:2 = 01b defer serial alerts while SOL is active.
     */
    public record InstanceRequest(int payloadType, int instance, int aux) implements WireMessage {
        public static final int AUX_ENCRYPT = 0x80;
        public static final int AUX_AUTHENTICATE = 0x40;
        public static final int AUX_DEFER_ALERTS = 0x04;

        @Override
        public void encode(ByteWriter w) {
            w.u8(payloadType & 0x3F).u8(instance & 0x0F).u32(aux);
        }

        public static InstanceRequest decode(ByteReader r) throws MalformedPacketException {
            return new InstanceRequest(r.u8() & 0x3F, r.u8() & 0x0F, r.u32());
        }
    }

    /**
     * Activate Payload response (§24.1, Table 24-2): auxiliary data, the largest payload the BMC takes from
     * the console (inbound) and sends to it (outbound), the UDP port for the payload's packets and its VLAN
     * (0xFFFF = none). Sizes count the whole payload, the SOL header included; all are LS byte first.
     */
    public record Activated(int aux, int inboundSize, int outboundSize, int port, int vlan) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u32(aux).u16(inboundSize).u16(outboundSize).u16(port).u16(vlan);
        }

        public static Activated decode(ByteReader r) throws MalformedPacketException {
            return new Activated(r.u32(), r.u16(), r.u16(), r.u16(), r.u16());
        }
    }
}
