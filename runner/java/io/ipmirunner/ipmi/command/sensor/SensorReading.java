package io.ipmirunner.ipmi.command.sensor;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/**
 * Get Sensor Reading (IPMI v2.0 §35.14, Table 35-15): the raw reading, byte 2 (bit 7 event messages
 * enabled, bit 6 scanning enabled, bit 5 reading unavailable), byte 3, the threshold comparison status
 * for threshold sensors (bit 0 below lower non-critical ... bit 5 at or above upper non-recoverable) or
 * states 0-7 of a discrete sensor, and the optional byte 4, states 8-14 of a discrete sensor
 * ({@code moreStates}; bit 7 reserved).
 */
public record SensorReading(int raw, boolean eventsEnabled, boolean scanning, boolean unavailable, int state,
                            int moreStates) implements WireMessage {
    public static final int BELOW_LNC = 0x01;
    public static final int BELOW_LC = 0x02;
    public static final int BELOW_LNR = 0x04;
    public static final int ABOVE_UNC = 0x08;
    public static final int ABOVE_UC = 0x10;
    public static final int ABOVE_UNR = 0x20;

    /** A reading without byte 4 (threshold sensors, and discrete sensors with states 0-7 only). */
    public SensorReading(int raw, boolean eventsEnabled, boolean scanning, boolean unavailable, int state) {
        this(raw, eventsEnabled, scanning, unavailable, state, 0);
    }

    /** A discrete sensor's asserted states, offset n at bit n (0-14). */
    public int discreteStates() {
        return state | (moreStates & 0x7F) << 8;
    }

    @Override
    public void encode(ByteWriter w) {
        w.u8(raw).u8((eventsEnabled ? 0x80 : 0) | (scanning ? 0x40 : 0) | (unavailable ? 0x20 : 0)).u8(state);
        if (moreStates != 0) {
            w.u8(0x80 | moreStates & 0x7F); // optional; bit 7 "returned as 1b"
        }
    }

    public static SensorReading decode(ByteReader r) throws MalformedPacketException {
        int raw = r.u8();
        int flags = r.u8();
        int state = r.hasRemaining() ? r.u8() : 0;
        int more = r.hasRemaining() ? r.u8() & 0x7F : 0;
        return new SensorReading(raw, (flags & 0x80) != 0, (flags & 0x40) != 0, (flags & 0x20) != 0, state, more);
    }

    /** The request: one sensor number. */
    public record Request(int sensorNumber) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(sensorNumber);
        }

        public static Request decode(ByteReader r) throws MalformedPacketException {
            return new Request(r.u8());
        }
    }
}
