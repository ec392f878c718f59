package io.ipmirunner.ipmi.fru;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.fru.FruBytes.Field;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FruDecoderTest {
    @Test
    void everyEncodingDecodes() {
        FruInventory f = FruDecoder.decode(FruBytes.everyEncoding());
        assertEquals(List.of(), f.warnings());
        FruInventory.Chassis c = f.chassis().orElseThrow();
        assertEquals(new FruInventory.Chassis("Rack Mount Chassis", "123-45.6", "SN ABC12", List.of("dead")), c);
        FruInventory.Board b = f.board().orElseThrow();
        assertEquals("2023-06-15T12:34:00Z", b.mfgDate());
        assertEquals("MAINBOARD X", b.product(), "6-bit packed, padding dropped");
        assertEquals("9876-5", b.partNumber());
        assertEquals("", b.fruFileId());
        assertEquals("TAG-1", f.product().orElseThrow().assetTag());
    }

    @Test
    void type11bIsUnicodeInAnAreaWhoseLanguageIsNotEnglish() {
        // Table 15-1 (FRU spec §15): 53 is Japanese, 22 German, 0 and 25 English.
        byte[] japanese = FruBytes.image(null, null, FruBytes.product(53, List.of(Field.unicode("富士通"),
                Field.unicode("サーバー 9"), Field.ascii8("RS9"))));
        FruInventory.Product p = FruDecoder.decode(japanese).product().orElseThrow();
        assertEquals("富士通", p.manufacturer());
        assertEquals("サーバー 9", p.name());
        assertEquals("RS9", p.partNumber(), "an odd-length body cannot be Unicode: 8-bit, as some BMCs write it");
        byte[] german = FruBytes.image(null, null, FruBytes.product(22, List.of(Field.unicode("Größe\0"))));
        assertEquals("Größe", FruDecoder.decode(german).product().orElseThrow().manufacturer(),
                "NUL padding dropped");
        byte[] english = FruBytes.image(null, null, FruBytes.product(25, List.of(Field.ascii8("Acme"))));
        assertEquals("Acme", FruDecoder.decode(english).product().orElseThrow().manufacturer(), "25 is English too");
    }

    @Test
    void sixBitAsciiSpecExample() {
        // FRU spec §13.1 packs "IPMI" as 0x29 0xDC 0xA6.
        assertEquals("IPMI", FruText.sixBitAscii(HexFormat.of().parseHex("29dca6")));
    }

    @Test
    void bcdPlusMapsTheSpecialNibbles() {
        assertEquals("0 -.", FruText.decode(1, new byte[] {0x0a, (byte) 0xbc}));
        assertEquals("9?", FruText.decode(1, new byte[] {(byte) 0x9d}), "0xD..0xF are reserved");
    }

    @Test
    void badAreaChecksumIsAWarningAndTheFieldsStillDecode() {
        byte[] img = FruBytes.everyEncoding();
        int board = (img[3] & 0xff) * 8;
        img[board + 8] ^= 0x01;
        FruInventory f = FruDecoder.decode(img);
        assertEquals(List.of("board area checksum mismatch"), f.warnings());
        assertEquals("Acme Systems", f.product().orElseThrow().manufacturer());
    }

    @Test
    void headerDefectsAreWarnings() {
        byte[] img = FruBytes.everyEncoding();
        img[4] = (byte) 0xf0; // product offset far past the end; header checksum now wrong too
        FruInventory f = FruDecoder.decode(img);
        assertTrue(f.warnings().contains("common header checksum mismatch"), f.warnings().toString());
        assertTrue(f.warnings().stream().anyMatch(w -> w.startsWith("product area offset 1920 is beyond")),
                f.warnings().toString());
        assertTrue(f.product().isEmpty());
        assertTrue(f.board().isPresent());
    }

    @Test
    void overlappingAreasAreReported() {
        byte[] img = FruBytes.everyEncoding();
        img[4] = img[3]; // product points at the board area
        img[7] = FruBytes.zeroChecksum(img, 7);
        FruInventory f = FruDecoder.decode(img);
        assertTrue(f.warnings().contains("board and product areas overlap"), f.warnings().toString());
    }

    @Test
    void missingEndMarkerAndTruncation() {
        // "MX", not "M": a one-character 8-bit field would be 0xC1, the end marker (§13.1).
        byte[] product = FruBytes.product(List.of(Field.ascii8("MX")));
        int marker = 3 + 3;
        product[marker] = 0x00; // an empty binary field instead of 0xC1; the zero padding follows
        product[product.length - 1] = 0;
        product[product.length - 1] = FruBytes.zeroChecksum(product, product.length - 1);
        FruInventory f = FruDecoder.decode(FruBytes.image(null, null, product));
        assertTrue(f.warnings().contains("product area ends without the 0xC1 end-of-fields marker"),
                f.warnings().toString());
        assertEquals("MX", f.product().orElseThrow().manufacturer());

        byte[] img = FruBytes.everyEncoding();
        FruInventory cut = FruDecoder.decode(java.util.Arrays.copyOf(img, img.length - 20));
        assertTrue(cut.warnings().stream().anyMatch(w -> w.contains("past the end of the image")),
                cut.warnings().toString());
        FruInventory.Product p = cut.product().orElseThrow();
        assertEquals("RS-9", p.partNumber(), "fields before the cut still decode");
        assertEquals(null, p.version(), "the field the cut runs through is dropped");

        assertEquals(List.of("FRU image is 3 bytes, shorter than the 8-byte common header"),
                FruDecoder.decode(new byte[3]).warnings());
    }

    @Test
    void unspecifiedDateAndOemChassisType() {
        byte[] img = FruBytes.image(FruBytes.chassis(0x99, List.of()), null, null);
        FruInventory f = FruDecoder.decode(img);
        assertEquals("OEM type 0x99", f.chassis().orElseThrow().type());
        assertEquals(null, f.chassis().orElseThrow().partNumber());
    }
}
