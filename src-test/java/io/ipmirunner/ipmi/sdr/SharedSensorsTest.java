package io.ipmirunner.ipmi.sdr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records shared by several sensors (Table 43-2 bytes 24-25, Table 43-3 bytes 13-14), as sdrcomp writes them. */
class SharedSensorsTest {
    /** Compact, sensor 50h, share count 4, alpha modifier from 0, entity instance incremented: "Dimm" (8-bit). */
    private static final String DIMMS = "02005102 1e 20 00 50 20 01 00 00 0c 6f 0000 0000 0000 c0 00 00 14 80 0000"
            + " 000000 00 c4 44696d6d";
    /** Event-only, sensor 40h, share count 3, numeric modifier from 1, entity instance incremented: "Psu". */
    private static final String PSUS = "01005103 0f 20 00 40 0a 01 08 6f 03 81 00 00 c3 507375";

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void aCompactRecordWithShareCountFourIsFourSensors() {
        List<SdrRecord> all = SdrDecoder.decodeAll(bytes(DIMMS));
        assertEquals(List.of("Dimm A", "Dimm B", "Dimm C", "Dimm D"),
                all.stream().map(r -> ((SdrRecord.Sensor) r).name()).toList());
        assertEquals(List.of(0x50, 0x51, 0x52, 0x53), all.stream().map(r -> ((SdrRecord.Sensor) r).number()).toList());
        assertEquals(List.of(1, 2, 3, 4), all.stream().map(r -> ((SdrRecord.Sensor) r).entityInstance()).toList());
        assertEquals("Dimm", ((SdrRecord.Sensor) SdrDecoder.decode(bytes(DIMMS))).name(), "the record as stored");
    }

    @Test
    void anEventOnlyRecordWithShareCountThreeIsThreeSensors() {
        List<SdrRecord> all = SdrDecoder.decodeAll(bytes(PSUS));
        assertEquals(List.of(new SdrRecord.EventOnly(1, 0x20, 0, 0x40, 0x0a, 1, 0x08, 0x6f, "Psu 1"),
                new SdrRecord.EventOnly(1, 0x20, 0, 0x41, 0x0a, 2, 0x08, 0x6f, "Psu 2"),
                new SdrRecord.EventOnly(1, 0x20, 0, 0x42, 0x0a, 3, 0x08, 0x6f, "Psu 3")), all);
    }

    @Test
    void entityInstanceStaysWithoutTheSharingBitAndACountOfOneOrZeroIsOneSensor() {
        byte[] r = bytes(PSUS);
        r[13] = 0x01; // offset 1, entity instance sharing off
        assertEquals(List.of(1, 1, 1), SdrDecoder.decodeAll(r).stream()
                .map(s -> ((SdrRecord.EventOnly) s).entityInstance()).toList());
        for (int count : new int[] {0, 1}) {
            r[12] = (byte) count;
            assertEquals(List.of("Psu"), SdrDecoder.decodeAll(r).stream().map(s -> ((SdrRecord.EventOnly) s).name())
                    .toList());
        }
    }

    @Test
    void sensorNumbersStopAt255() {
        byte[] r = bytes(PSUS);
        r[7] = (byte) 0xFE;
        assertEquals(List.of(0xFE, 0xFF), SdrDecoder.decodeAll(r).stream()
                .map(s -> ((SdrRecord.EventOnly) s).number()).toList());
    }

    @Test
    void alphaModifiersCountAToZThenAa() {
        assertEquals("A", SharedSensors.letters(0));
        assertEquals("Z", SharedSensors.letters(25));
        assertEquals("AA", SharedSensors.letters(26));
        assertEquals("AB", SharedSensors.letters(27));
        assertEquals("BA", SharedSensors.letters(52));
        assertEquals("EL", SharedSensors.letters(127 + 14));
    }
}
