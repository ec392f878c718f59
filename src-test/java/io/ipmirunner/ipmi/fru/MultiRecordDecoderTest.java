package io.ipmirunner.ipmi.fru;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes for the multi-record area (Platform Management FRU Information Storage Definition v1.0
 * §16.1 header, §18.1 power supply, §18.2 DC output, §18.4 management access): see {@link FruBytes} for the
 * hand-written records and what each byte means.
 */
class MultiRecordDecoderTest {
    @Test
    void powerSupplyDcOutputAndManagementAccessDecode() {
        FruInventory fru = FruDecoder.decode(FruBytes.withPowerSupply());
        assertEquals(List.of(), fru.warnings());
        assertEquals(List.of(
                new MultiRecord.PowerSupply(750, null, 40, 10, 90.0, 264.0, 0.0, 0.0, 47, 63, 20, false, true, true,
                        true, false, 900, 2, 0, 2, 700, 0),
                new MultiRecord.DcOutput(1, false, 12.0, -0.6, 0.6, 120, 0.0, 62.5),
                new MultiRecord.ManagementAccess("system_name", "rack7-node3")), fru.multiRecords());
        assertEquals("Acme Systems", fru.product().orElseThrow().manufacturer(), "the info areas are untouched");
    }

    @Test
    void guidSubRecordAndUnknownTypesAreKept() {
        int[] guid = new int[17];
        guid[0] = 0x07;
        for (int i = 1; i < 17; i++) {
            guid[i] = i;
        }
        byte[] img = FruBytes.withMultiRecords(FruBytes.everyEncoding(), FruBytes.multiRecord(0x03, false, guid),
                FruBytes.multiRecord(0xC0, true, 0x57, 0x01, 0x00));
        assertEquals(List.of(new MultiRecord.ManagementAccess("system_guid", "0102030405060708090a0b0c0d0e0f10"),
                new MultiRecord.Other(0xC0, "570100")), FruDecoder.decode(img).multiRecords());
    }

    @Test
    void aListWithoutItsEndRecordIsAWarningWithItsNumbersFilledIn() {
        byte[] img = FruBytes.withMultiRecords(FruBytes.everyEncoding(), FruBytes.multiRecord(0xC0, false, 0x57));
        FruInventory fru = FruDecoder.decode(img);
        assertEquals(List.of("multi-record area: header at offset " + img.length + " runs past the " + img.length
                + "-byte image (no end-of-list record)"), fru.warnings());
        assertEquals(List.of(), fru.checksumDefects());
    }

    @Test
    void aBadHeaderChecksumStopsTheWalkWithAWarning() {
        byte[] img = FruBytes.withPowerSupply();
        int dc = img.length - 17 - 18;
        img[dc + 4] ^= 0x01;
        FruInventory fru = FruDecoder.decode(img);
        assertEquals(1, fru.multiRecords().size());
        assertEquals(List.of("multi-record area: header checksum mismatch at offset " + dc + ", rest skipped"),
                fru.warnings());
    }

    @Test
    void truncatedAndShortRecordsWarnAndKeepWhatIsThere() {
        byte[] img = FruBytes.withPowerSupply();
        FruInventory cut = FruDecoder.decode(Arrays.copyOf(img, img.length - 5));
        assertEquals(3, cut.multiRecords().size());
        assertTrue(cut.warnings().contains("multi-record at offset %d: 12 data bytes declared, 7 present"
                .formatted(img.length - 17)), cut.warnings().toString());
        byte[] shortPs = FruBytes.withMultiRecords(FruBytes.everyEncoding(), FruBytes.multiRecord(0x00, true, 1, 2));
        FruInventory s = FruDecoder.decode(shortPs);
        assertEquals(List.of(new MultiRecord.Other(0x00, "0102")), s.multiRecords());
        assertTrue(s.warnings().get(0).endsWith("type 00h needs 24 data bytes, has 2"), s.warnings().toString());
    }

    @Test
    void noEndOfListAndAnAreaOverlappingTheOthersAreWarnings() {
        byte[] noEnd = FruBytes.withMultiRecords(FruBytes.everyEncoding(), FruBytes.dcOutput(false));
        assertTrue(FruDecoder.decode(noEnd).warnings().get(0).contains("no end-of-list record"));
        byte[] overlap = FruBytes.withPowerSupply();
        overlap[5] = overlap[4];
        overlap[7] = FruBytes.zeroChecksum(overlap, 7);
        List<String> w = FruDecoder.decode(overlap).warnings();
        assertTrue(w.contains("product and multi-record areas overlap"), w.toString());
        byte[] beyond = FruBytes.withPowerSupply();
        beyond[5] = (byte) 0xF0;
        beyond[7] = FruBytes.zeroChecksum(beyond, 7);
        assertEquals(List.of("multi-record area offset 1920 is beyond the %d-byte image".formatted(beyond.length)),
                FruDecoder.decode(beyond).warnings());
    }
}
