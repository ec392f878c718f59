package io.ipmirunner.ipmi.command.sensor;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/**
 * Get Sensor Thresholds response (IPMI v2.0 §35.9, Table 35-9): the readable-threshold mask (bit 0 lower
 * non-critical ... bit 5 upper non-recoverable), then the raw thresholds LNC, LC, LNR, UNC, UC, UNR. The
 * request is {@link SensorReading.Request}, one sensor number.
 */
public record SensorThresholds(int readableMask, int lnc, int lc, int lnr, int unc, int uc, int unr)
        implements WireMessage {
    @Override
    public void encode(ByteWriter w) {
        w.u8(readableMask & 0x3F).u8(lnc).u8(lc).u8(lnr).u8(unc).u8(uc).u8(unr);
    }

    public static SensorThresholds decode(ByteReader r) throws MalformedPacketException {
        return new SensorThresholds(r.u8() & 0x3F, r.u8(), r.u8(), r.u8(), r.u8(), r.u8(), r.u8());
    }
}
