package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.IpmiSimPeer;
import io.ipmirunner.ipmi.fru.FruBytes;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code fru} against ipmi_sim, field by field against what ipmitool and FreeIPMI's ipmi-fru print. Device 0
 * is the fixture's all-ASCII image; device 1 ({@link FruBytes#everyEncoding()}) has every encoding and a
 * manufacturing date. ipmi-fru only reads devices named by an FRU Device Locator SDR, which ipmi_sim's
 * fixture has for device 0 only, so device 1 is checked against ipmitool alone.
 */
@Tag("interop")
class FruAgainstIpmiSimTest {
    @RegisterExtension
    static final IpmiSimPeer PEER = new IpmiSimPeer(() -> IpmiSim.builder().fru(1, FruBytes.everyEncoding())
            .fru(2, badBoardChecksum()).build());

    private static byte[] badBoardChecksum() {
        byte[] img = FruBytes.everyEncoding();
        img[(img[3] & 0xff) * 8 + 8] ^= 0x20; // "Acme" becomes "ACme": prefix 6, type/length 1, then the text
        return img;
    }

    @Test
    void aBadChecksumFailsTheTaskAndKeepsWhatWasDecoded() throws Exception {
        ModuleResult failed = IpmiSimModules.run(PEER, new FruModule(), Map.of("id", "2"));
        assertEquals(Optional.of("FRU 2: board area checksum mismatch (checksums=warn reads it anyway)"),
                failed.failure());
        assertEquals("ACme Boards", area(failed.result(), "board").get("manufacturer"));
        ModuleResult warned = IpmiSimModules.run(PEER, new FruModule(), Map.of("id", "2", "checksums", "warn"));
        assertEquals(Optional.empty(), warned.failure());
        assertEquals(List.of("board area checksum mismatch"), warned.result().get("warnings"));
        assertEquals(Optional.empty(), IpmiSimModules.run(PEER, new FruModule(), Map.of("id", "1")).failure());
    }

    @Test
    void aBadChecksumOverTheWireIsAWarning() throws Exception {
        Map<String, Object> r = fru("2");
        assertEquals(List.of("board area checksum mismatch"), r.get("warnings"));
        assertEquals("ACme Boards", area(r, "board").get("manufacturer"));
        assertEquals("Rackserver 9", area(r, "product").get("name"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> area(Map<String, Object> r, String name) {
        return (Map<String, Object>) r.get(name);
    }

    private static Map<String, Object> fru(String id) throws Exception {
        return IpmiSimModules.run(PEER, new FruModule(), Map.of("id", id)).result();
    }

    @Test
    void device0EqualsIpmitoolAndIpmiFru() throws Exception {
        Map<String, Object> r = fru("0");
        Map<String, String> it = IpmiSimModules.keyValues(PEER.bmc().ipmitool("fru", "print", "0").stdout());
        Map<String, String> fi = IpmiSimModules.keyValues(PEER.bmc().freeipmi("ipmi-fru", "--device-id=0").stdout());
        Map<String, Object> board = area(r, "board");
        Map<String, Object> product = area(r, "product");
        List<String[]> rows = List.of(
                new String[] {"manufacturer", "Board Mfg", "FRU Board Manufacturer"},
                new String[] {"product", "Board Product", "FRU Board Product Name"},
                new String[] {"serial", "Board Serial", "FRU Board Serial Number"},
                new String[] {"part_number", "Board Part Number", "FRU Board Part Number"});
        for (String[] row : rows) {
            assertEquals(it.get(row[1]), board.get(row[0]), "board " + row[0] + " vs ipmitool");
            assertEquals(fi.get(row[2]), board.get(row[0]), "board " + row[0] + " vs ipmi-fru");
        }
        List<String[]> productRows = List.of(
                new String[] {"manufacturer", "Product Manufacturer", "FRU Product Manufacturer Name"},
                new String[] {"name", "Product Name", "FRU Product Name"},
                new String[] {"part_number", "Product Part Number", "FRU Product Part/Model Number"},
                new String[] {"version", "Product Version", "FRU Product Version"},
                new String[] {"serial", "Product Serial", "FRU Product Serial Number"},
                new String[] {"asset_tag", "Product Asset Tag", "FRU Product Asset Tag"});
        for (String[] row : productRows) {
            assertEquals(it.get(row[1]), product.get(row[0]), "product " + row[0] + " vs ipmitool");
            assertEquals(fi.get(row[2]), product.get(row[0]), "product " + row[0] + " vs ipmi-fru");
        }
        // Date 0 means unspecified (§11): ipmitool says so, ipmi-fru prints the epoch; we leave the key out.
        assertEquals("Unspecified", it.get("Board Mfg Date"));
        assertEquals(null, board.get("mfg_date"));
        assertEquals(List.of(), r.get("warnings"));
        assertEquals(null, r.get("chassis"), "the fixture's image has no chassis area");
    }

    @Test
    void everyEncodingEqualsIpmitool() throws Exception {
        Map<String, Object> r = fru("1");
        Map<String, String> it = IpmiSimModules.keyValues(PEER.bmc().ipmitool("fru", "print", "1").stdout());
        Map<String, Object> chassis = area(r, "chassis");
        Map<String, Object> board = area(r, "board");
        Map<String, Object> product = area(r, "product");
        assertEquals(it.get("Chassis Type"), chassis.get("type"));
        assertEquals(it.get("Chassis Part Number"), chassis.get("part_number"), "BCD plus");
        assertEquals(it.get("Chassis Serial"), chassis.get("serial"), "6-bit packed ASCII");
        assertEquals(List.of(it.get("Chassis Extra")), chassis.get("custom"), "binary as hex");
        // ipmitool keeps the 6-bit padding as a trailing space ("MAINBOARD X "); its key/value parse trims it.
        assertEquals(it.get("Board Product"), board.get("product"));
        assertEquals(it.get("Board Mfg"), board.get("manufacturer"));
        assertEquals(it.get("Board Serial"), board.get("serial"));
        assertEquals(it.get("Board Part Number"), board.get("part_number"), "BCD plus");
        String date = it.get("Board Mfg Date").replace(" UTC", "");
        LocalDateTime printed = LocalDateTime.parse(date.replaceAll(" +", " "),
                DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT));
        assertEquals(printed.toInstant(ZoneOffset.UTC).toString(), board.get("mfg_date"));
        assertEquals(FruBytes.MFG.toString(), board.get("mfg_date"));
        for (String[] row : List.of(new String[] {"manufacturer", "Product Manufacturer"},
                new String[] {"name", "Product Name"}, new String[] {"part_number", "Product Part Number"},
                new String[] {"version", "Product Version"}, new String[] {"serial", "Product Serial"},
                new String[] {"asset_tag", "Product Asset Tag"})) {
            assertEquals(it.get(row[1]), product.get(row[0]), "product " + row[0]);
        }
        assertEquals(List.of(), r.get("warnings"));
    }
}
