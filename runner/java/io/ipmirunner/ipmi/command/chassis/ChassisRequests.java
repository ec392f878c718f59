package io.ipmirunner.ipmi.command.chassis;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/** Small chassis commands: Chassis Identify (IPMI v2.0 §28.5) and Set Power Restore Policy (§28.8). */
public final class ChassisRequests {
    public static final int DEFAULT_IDENTIFY_SECONDS = 15;

    private ChassisRequests() {}

    /**
     * Chassis Identify request (Table 28-6): both bytes optional; interval in seconds (0 = off, default
     * 15), byte 2 bit 0 = on until told otherwise. {@code interval} -1 means "not sent".
     */
    public record Identify(int interval, boolean force) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            if (interval >= 0 || force) {
                w.u8(Math.max(interval, 0));
            }
            if (force) {
                w.u8(0x01);
            }
        }

        public static Identify decode(ByteReader r) throws MalformedPacketException {
            int interval = r.hasRemaining() ? r.u8() : -1;
            boolean force = r.hasRemaining() && (r.u8() & 0x01) != 0;
            return new Identify(interval, force);
        }
    }

    /** Set Power Restore Policy request (Table 28-8): 0 stay off, 1 previous, 2 always on, 3 no change. */
    public record RestorePolicy(int policy) implements WireMessage {
        public static final int NO_CHANGE = 3;

        @Override
        public void encode(ByteWriter w) {
            w.u8(policy & 0x07);
        }

        public static RestorePolicy decode(ByteReader r) throws MalformedPacketException {
            return new RestorePolicy(r.u8() & 0x07);
        }
    }

    /** Set Power Restore Policy response: supported policies, bit 0 off, bit 1 previous, bit 2 always on. */
    public record SupportedPolicies(int mask) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(mask & 0x07);
        }

        public static SupportedPolicies decode(ByteReader r) throws MalformedPacketException {
            return new SupportedPolicies(r.u8() & 0x07);
        }
    }
}
