package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.IpmiSimPeer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SDR record types 03h (event-only), 11h (FRU device locator) and 12h (MC device locator) compiled by
 * sdrcomp from src-test/resources/interop/locators.sdrs into ipmi_sim, decoded by the sensors module and
 * compared with {@code ipmitool sdr elist all} / {@code sdr list all -v} and FreeIPMI {@code ipmi-sensors -vv}.
 * The FRU locator's ID string "PSU1 FRU" is stored as 6-bit packed ASCII (8 characters in 6 bytes,
 * §43.15): both tools print garbage for it, as for the fixture's "CPU TEMP"; the test checks the spec's answer.
 */
@Tag("interop")
class SdrLocatorsAgainstIpmiSimTest {
    @RegisterExtension
    static final IpmiSimPeer PEER = new IpmiSimPeer(SdrLocatorsAgainstIpmiSimTest::locatorsBmc, "ipmitool",
            "ipmi-sensors");

    private static IpmiSim bmc() {
        return PEER.bmc();
    }

    private static IpmiSim locatorsBmc() {
        try (InputStream in = SdrLocatorsAgainstIpmiSimTest.class.getResourceAsStream("/interop/locators.sdrs")) {
            return IpmiSim.builder().address("127.42.1.3").sdrs(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /** The blank-line separated blocks of a verbose listing, each as "Key : Value" pairs. */
    private static List<Map<String, String>> blocks(String out) {
        return Arrays.stream(out.split("\n\\s*\n")).map(IpmiSimModules::keyValues).filter(m -> !m.isEmpty())
                .toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void eventOnlyAndLocatorRecordsEqualIpmitoolAndFreeIpmi() throws Exception {
        Map<String, Object> r = IpmiSimModules.run(PEER, new SensorsModule(), Map.of()).result();
        assertEquals(List.of(), r.get("warnings"));
        List<Map<String, Object>> sensors = (List<Map<String, Object>>) r.get("sensors");
        Map<String, Object> intrusion = sensors.get(2);
        List<String[]> elist = bmc().ipmitool("sdr", "elist", "all").stdout().lines()
                .map(l -> Arrays.stream(l.split("\\|")).map(String::trim).toArray(String[]::new)).toList();
        // "Intrusion        | 30h | ns  | 23.1 | Event-Only"
        String[] row = elist.get(2);
        assertEquals(row[0], intrusion.get("name"));
        assertEquals(Integer.parseInt(row[1].replace("h", ""), 16), intrusion.get("number"));
        assertEquals("Event-Only", row[4]);
        assertEquals("event-only", intrusion.get("status"));
        assertEquals("Physical Security", intrusion.get("type"));
        List<Map<String, String>> verbose = blocks(bmc().ipmitool("sdr", "list", "all", "-v").stdout());
        assertEquals("Physical Security (0x05)", verbose.get(2).get("Sensor Type"));

        Map<String, Object> fru = ((List<Map<String, Object>>) r.get("fru_devices")).get(0);
        Map<String, String> itFru = verbose.get(3);
        assertEquals(itFru.get("Logical FRU Device"), "%02Xh".formatted(fru.get("fru_id")));
        assertEquals(itFru.get("Device Access Address"), "%02Xh".formatted(fru.get("controller_address")));
        assertEquals(itFru.get("Entity ID"), fru.get("entity") + " (System Board)");
        assertEquals("PSU1 FRU", fru.get("name"));
        assertNotEquals(itFru.get("Device ID"), fru.get("name"), "ipmitool 1.8.19 garbles 6-bit ASCII");
        assertEquals("Logical FRU @01h", elist.get(3)[4]);

        Map<String, Object> mc = ((List<Map<String, Object>>) r.get("controllers")).get(0);
        Map<String, String> itMc = verbose.get(4);
        assertEquals(itMc.get("Device ID"), mc.get("name"));
        assertEquals(itMc.get("Device Slave Address"), "%02Xh".formatted(mc.get("address")));
        List<String> caps = (List<String>) mc.get("capabilities");
        String[][] names = {{"Chassis Device", "chassis"}, {"Bridge", "bridge"},
                {"IPMB Event Generator", "ipmb_event_generator"}, {"IPMB Event Receiver", "ipmb_event_receiver"},
                {"FRU Inventory Device", "fru_inventory"}, {"SEL Device", "sel"}, {"SDR Repository", "sdr_repository"},
                {"Sensor Device", "sensor"}};
        for (String[] n : names) {
            assertEquals(itMc.get(n[0]), caps.contains(n[1]) ? "Yes" : "No", n[0]);
        }

        List<Map<String, String>> fi = blocks(bmc().freeipmi("ipmi-sensors", "-vv").stdout());
        assertEquals("Event-Only Record (3h)", fi.get(2).get("Record Type"));
        assertEquals(intrusion.get("number").toString(), fi.get(2).get("Sensor Number"));
        assertEquals(intrusion.get("name"), fi.get(2).get("ID String"));
        assertEquals("%Xh".formatted(fru.get("fru_id")), fi.get(3).get("FRU Device ID"));
        assertEquals(mc.get("name"), fi.get(4).get("Device ID String"));
        assertTrue(fi.get(4).get("Record Type").startsWith("Management Controller Device Locator"));
    }
}
