package io.ipmirunner.ipmi.sdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Golden bytes for SDR types 03h, 11h and 12h (IPMI v2.0 §43.3, §43.9, §43.10), one ID encoding each. */
class SdrLocatorDecoderTest {
    /**
     * §43.3 Table 43-3: id 0003h, SDR version 51h, type 03h, 21 bytes follow; owner 20h LUN 0, sensor 30h,
     * entity 17h (system chassis) instance 1, sensor type 05h (physical security), event/reading type 6Fh,
     * sharing 0000h, reserved, OEM 0, ID type/length C9h (8-bit, 9 bytes) "Intrusion".
     */
    static final String EVENT_ONLY = "0300510315" + "200030170105" + "6f" + "000000" + "00" + "c9"
            + "496e74727573696f6e";
    /**
     * §43.9 Table 43-7: id 0004h, type 11h, 17 bytes follow; access address 20h, FRU device id 01h, byte 8
     * 80h = logical (LUN 0, bus 0), channel 0, reserved, device type 10h, modifier 0, entity 07h instance
     * 1, OEM 0, ID type/length 88h: 6-bit packed ASCII, 8 characters in 6 bytes, "PSU1 FRU".
     */
    static final String FRU_LOCATOR = "0400511111" + "20018000" + "00" + "1000" + "0701" + "00" + "88"
            + "f05c478029d7";
    /**
     * §43.10 Table 43-8: id 0005h, type 12h, 13 bytes follow; slave address 20h, channel 0, byte 8 20h
     * (static controller), capabilities 9Fh (chassis, event receiver, FRU, SEL, SDR, sensor), 3 reserved,
     * entity 07h instance 1, OEM 0, ID type/length 44h: BCD plus, 4 characters in 2 bytes, "12-3".
     */
    static final String MC_LOCATOR = "050051120d" + "2000209f" + "000000" + "0701" + "00" + "44" + "12b3";

    private static SdrRecord decode(String hex) {
        return SdrDecoder.decode(HexFormat.of().parseHex(hex));
    }

    @Test
    void eventOnlySensor() {
        assertEquals(new SdrRecord.EventOnly(3, 0x20, 0, 0x30, 0x17, 1, 0x05, 0x6f, "Intrusion"), decode(EVENT_ONLY));
    }

    @Test
    void fruDeviceLocatorWithASixBitName() {
        assertEquals(new SdrRecord.FruLocator(4, 0x20, 1, true, 0, 0, 0x10, 0, 7, 1, "PSU1 FRU"), decode(FRU_LOCATOR));
    }

    @Test
    void mcDeviceLocatorWithABcdPlusName() {
        assertEquals(new SdrRecord.McLocator(5, 0x20, 0, 0x9f, 7, 1, "12-3"), decode(MC_LOCATOR));
    }

    @Test
    void unicodeNamesAndShortRecords() {
        // ID type/length 03h: type 00b Unicode, 3 characters, two bytes each (§43.15).
        String unicode = MC_LOCATOR.substring(0, 8) + "11" + MC_LOCATOR.substring(10, 30) + "03" + "42004d004300";
        assertEquals("BMC", ((SdrRecord.McLocator) decode(unicode)).name());
        byte[] cut = Arrays.copyOf(HexFormat.of().parseHex(FRU_LOCATOR), 15);
        SdrRecord.Raw raw = assertInstanceOf(SdrRecord.Raw.class, SdrDecoder.decode(cut));
        assertEquals("type 0x11 record of 15 bytes is too short", raw.defect());
        assertEquals("Intr", ((SdrRecord.EventOnly) SdrDecoder.decode(Arrays.copyOf(HexFormat.of()
                .parseHex(EVENT_ONLY), 21))).name(), "an ID string cut by the record end keeps what is there");
    }
}
