package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.IpmiSimPeer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code sel} against ipmi_sim, entry by entry against {@code ipmitool sel list} and FreeIPMI {@code ipmi-sel}.
 * ipmi_sim stamps entries with its own clock since start (pre-init timestamps), not the time the fixture
 * wrote, so the timestamp is compared with the seconds ipmitool prints.
 */
@Tag("interop")
class SelAgainstIpmiSimTest {
    @RegisterExtension
    static final IpmiSimPeer PEER = new IpmiSimPeer(() -> IpmiSim.builder().build());

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(IpmiSim b) throws Exception {
        return (List<Map<String, Object>>) IpmiSimModules.run(PEER.client(), b, new SelModule(), Map.of()).result()
                .get("entries");
    }

    @Test
    void entriesEqualIpmitoolAndIpmiSel() throws Exception {
        List<Map<String, Object>> ours = list(PEER.bmc());
        // "   1 |  Pre-Init  |0000006973| Temperature #0x01 | Upper Non-critical going high | Asserted"
        List<String[]> it = PEER.bmc().ipmitool("sel", "list").stdout().lines().map(l -> l.split("\\|"))
                .map(a -> java.util.Arrays.stream(a).map(String::trim).toArray(String[]::new)).toList();
        // "1,PostInit,PostInit,Inlet Temp,Temperature,Upper Non-critical - going high ; Sensor ..."
        List<String[]> fi = PEER.bmc().freeipmi("ipmi-sel", "--no-header-output", "--comma-separated-output")
                .stdout().lines().filter(l -> l.matches("\\d+,.*")).map(l -> l.split(",")).toList();
        assertEquals(IpmiSim.SEL_ENTRIES, ours.size(), ours.toString());
        assertEquals(it.size(), ours.size());
        assertEquals(fi.size(), ours.size());
        for (int i = 0; i < ours.size(); i++) {
            Map<String, Object> e = ours.get(i);
            String[] t = it.get(i);
            assertEquals(Integer.parseInt(t[0], 16), e.get("id"));
            assertEquals("Pre-Init", t[1]);
            assertEquals("pre-init +" + Long.parseLong(t[2]) + "s", e.get("timestamp"));
            assertEquals(t[3], e.get("sensor_type") + " #0x%02x".formatted((Integer) e.get("sensor_number")));
            assertEquals(t[4], e.get("event"));
            assertEquals(t[5].toLowerCase(), e.get("direction"));
            String[] f = fi.get(i);
            assertEquals(Integer.parseInt(f[0]), e.get("id"));
            assertEquals(f[4], e.get("sensor_type"));
            assertTrue(f[5].startsWith(((String) e.get("event")).replace(" going", " - going")), f[5]);
        }
        assertEquals(List.of("Upper Non-critical going high", "Upper Critical going high"),
                ours.stream().map(e -> e.get("event")).toList());
    }

    @Test
    void infoMatchesIpmitool() throws Exception {
        Map<String, Object> info = IpmiSimModules.run(PEER, new SelModule(), Map.of("action", "info"))
                .result();
        Map<String, String> it = IpmiSimModules.keyValues(PEER.bmc().ipmitool("sel", "info").stdout());
        assertEquals(Integer.parseInt(it.get("Entries")), info.get("entries"));
        assertEquals(it.get("Free Space"), info.get("free_bytes") + " bytes");
        assertEquals(it.get("Overflow"), info.get("overflow").toString());
        assertTrue(it.get("Version").startsWith(info.get("version") + " "), it.get("Version"));
        assertEquals("Not Available", it.get("Last Del Time"));
        assertEquals("never", info.get("last_erase"));
    }

    @Test
    void clearEmptiesTheLogAsIpmitoolSeesIt() throws Exception {
        try (IpmiSim own = IpmiSim.builder().build()) {
            ModuleResult r = IpmiSimModules.run(PEER.client(), own, new SelModule(), Map.of("action", "clear"));
            assertTrue(r.changed());
            assertEquals(IpmiSim.SEL_ENTRIES, r.result().get("cleared"));
            assertEquals(true, r.result().get("completed"));
            assertTrue(own.ipmitool("sel", "list").output().contains("SEL has no entries"),
                    own.ipmitool("sel", "list").output());
            assertEquals(List.of(), list(own));
            assertTrue(!IpmiSimModules.run(PEER.client(), own, new SelModule(), Map.of("action", "clear")).changed());
        }
    }
}
