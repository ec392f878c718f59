package io.ipmirunner.ipmi.sdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SdrDecoderTest {
    private static SdrRecord.Sensor sensor(byte[] r) {
        return assertInstanceOf(SdrRecord.Sensor.class, SdrDecoder.decode(r));
    }

    @Test
    void fullRecordWithNegativeFactorsAndExponents() {
        // y = (M x + B 10^Bexp) 10^Rexp with M = -3, B = 500, Bexp = 1, Rexp = -2: x = 10 -> (-30 + 5000)/100.
        SdrRecord.Sensor s = sensor(SdrBytes.full(7, 9, Conversion.UNSIGNED, -3, 500, 1, -2, 0, 4, 0xc4,
                SdrBytes.ascii("12V0")));
        assertEquals("12V0", s.name());
        assertEquals(9, s.number());
        assertEquals(new Conversion(0, -3, 500, 1, -2, 0), s.conversion());
        assertEquals(new java.math.BigDecimal("49.7"), s.conversion().decimal(10).orElseThrow(), "exact");
        assertTrue(s.threshold());
        assertEquals("Volts", SensorNames.unit(s.baseUnit()));
    }

    @Test
    void signedFormatsAndLinearization() {
        assertEquals(-2, new Conversion(Conversion.TWOS_COMPLEMENT, 1, 0, 0, 0, 0).decimal(0xfe).orElseThrow()
                .intValueExact());
        assertEquals(-1, new Conversion(Conversion.ONES_COMPLEMENT, 1, 0, 0, 0, 0).decimal(0xfe).orElseThrow()
                .intValueExact());
        assertEquals(100, new Conversion(0, 1, 0, 0, 0, 8).decimal(10).orElseThrow().doubleValue(), 1e-9);
        assertEquals(0.5, new Conversion(0, 1, 0, 0, 0, 7).decimal(2).orElseThrow().doubleValue(), 1e-9);
        assertTrue(new Conversion(0, 1, 0, 0, 0, 0x70).decimal(2).isEmpty(), "OEM non-linear");
        assertTrue(new Conversion(Conversion.NO_ANALOG, 1, 0, 0, 0, 0).decimal(2).isEmpty());
        assertTrue(new Conversion(0, 1, 0, 0, 0, 7).decimal(0).isEmpty(), "1/0 is no value");
    }

    @Test
    void idStringLengthCountsCharacters() {
        // "CPU TEMP" as ipmi_sim's sdrcomp stores it: type/length 0x88, six bytes of 6-bit packed ASCII.
        byte[] packed = HexFormat.of().parseHex("235c0374d9c2");
        assertEquals("CPU TEMP", sensor(SdrBytes.full(1, 2, 0, 1, 0, 0, 0, 0, 1, 0x88, packed)).name());
        assertEquals("12-3", sensor(SdrBytes.full(1, 2, 0, 1, 0, 0, 0, 0, 1, 0x44,
                HexFormat.of().parseHex("12b3"))).name(), "BCD plus");
        assertEquals("Fan", sensor(SdrBytes.full(1, 2, 0, 1, 0, 0, 0, 0, 1, 0x03,
                HexFormat.of().parseHex("460061006e00"))).name(), "Unicode, two bytes per character");
    }

    @Test
    void compactOtherAndShortRecords() {
        SdrRecord.Sensor c = sensor(SdrBytes.compact(3, 4, "PSU1 Status"));
        assertEquals("PSU1 Status", c.name());
        assertTrue(c.conversion().decimal(1).isEmpty(), "compact records carry no conversion");
        byte[] entityAssociation = {5, 0, 0x51, 0x08, 0};
        SdrRecord.Raw raw = assertInstanceOf(SdrRecord.Raw.class, SdrDecoder.decode(entityAssociation));
        assertEquals(null, raw.defect());
        assertEquals(0x08, raw.recordType());
        byte[] cut = SdrBytes.truncated(SdrBytes.compact(3, 4, "x"), 20);
        assertTrue(assertInstanceOf(SdrRecord.Raw.class, SdrDecoder.decode(cut)).defect().contains("too short"));
        assertTrue(assertInstanceOf(SdrRecord.Raw.class, SdrDecoder.decode(new byte[2])).defect() != null);
        assertEquals("Temp", sensor(SdrBytes.truncated(SdrBytes.full(1, 2, 0, 1, 0, 0, 0, 0, 1, 0xc8,
                SdrBytes.ascii("Temp1234")), 52)).name(), "an ID string past the end is cut");
    }
}
