package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipmirunner.ipmi.command.sensor.SensorReading;
import io.ipmirunner.ipmi.sdr.Conversion;
import io.ipmirunner.ipmi.sdr.SdrRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensorsModuleTest {
    /** Threshold voltage sensor, 0.05 V per count, unit Volts. */
    private static final SdrRecord.Sensor VOLTS = new SdrRecord.Sensor(1, 1, 0x20, 0, 5, 7, 1, 0x02, 0x01, 4, 0,
            0, false, new Conversion(0, 5, 0, 0, -2, 0), "12V");

    @Test
    void convertedValueAndMostSevereThreshold() {
        Map<String, Object> m = SensorsModule.sensor(VOLTS,
                new SensorReading(241, true, true, false, SensorReading.ABOVE_UNC | SensorReading.ABOVE_UC));
        assertEquals(12.05, m.get("value"));
        assertEquals("Volts", m.get("unit"));
        assertEquals("ucr", m.get("status"));
        assertEquals("Voltage", m.get("type"));
    }

    @Test
    void valuesKeepTheDigitsTheirConversionResolves() {
        // 1/x (linearization 7) with M = 1, Rexp = +3: raw 8 is 1/8000 = 0.000125, once rounded to 0 at 3 places.
        var inverse = new SdrRecord.Sensor(2, 1, 0x20, 0, 6, 7, 1, 0x01, 0x01, 1, 0, 0, false,
                new Conversion(0, 1, 0, 0, 3, 7), "Inverse");
        assertEquals(0.000125, SensorsModule.sensor(inverse, new SensorReading(8, true, true, false, 0)).get("value"));
        // Linear, M = 1, Rexp = -4: every reading is an exact decimal with four places.
        var fine = new SdrRecord.Sensor(3, 1, 0x20, 0, 7, 7, 1, 0x02, 0x01, 4, 0, 0, false,
                new Conversion(0, 1, 0, 0, -4, 0), "Fine");
        assertEquals(0.0123, SensorsModule.sensor(fine, new SensorReading(123, true, true, false, 0)).get("value"));
        assertEquals(26L, SensorsModule.sensor(new SdrRecord.Sensor(4, 1, 0x20, 0, 8, 7, 1, 0x01, 0x01, 1, 0, 0,
                false, new Conversion(0, 1, 0, 0, 0, 0), "Whole"), new SensorReading(26, true, true, false, 0))
                .get("value"), "a whole number stays one");
    }

    @Test
    void discreteStatesAreNamedUpToOffsetFourteen() {
        // Memory (sensor type 0Ch, sensor-specific): offsets 1 and 10 asserted; 10 lives in byte 4 (§35.14).
        var dimm = new SdrRecord.Sensor(5, 2, 0x20, 0, 9, 32, 1, 0x0C, 0x6F, 0, 0, 0, false,
                new Conversion(0, 1, 0, 0, 0, 0), "DIMM A1");
        Map<String, Object> m = SensorsModule.sensor(dimm, new SensorReading(0, true, true, false, 0x02, 0x04));
        assertEquals(List.of("Uncorrectable ECC", "Critical Overtemperature"), m.get("states"));
        assertEquals("0x0402", m.get("status"));
        assertEquals(null, m.get("value"));
        Map<String, Object> none = SensorsModule.sensor(dimm, new SensorReading(0, true, true, false, 0, 0));
        assertEquals("ok", none.get("status"));
        assertEquals(List.of(), none.get("states"));
        assertEquals(false, SensorsModule.sensor(VOLTS, new SensorReading(0, true, true, false, 0)).containsKey("states"),
                "threshold sensors have no discrete states");
    }

    @Test
    void unavailableReadingsHaveNoValue() {
        for (SensorReading r : new SensorReading[] {null, new SensorReading(0, true, true, true, 0),
                new SensorReading(0, true, false, false, 0)}) {
            Map<String, Object> m = SensorsModule.sensor(VOLTS, r);
            assertEquals(SensorsModule.NOT_AVAILABLE, m.get("status"));
            assertEquals(null, m.get("value"));
        }
        assertEquals("lnr", SensorsModule.thresholdStatus(SensorReading.BELOW_LNR | SensorReading.BELOW_LC));
        assertEquals("ok", SensorsModule.thresholdStatus(0));
    }
}
