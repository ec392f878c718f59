package io.ipmirunner.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.Peers;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.modules.BmcResetModule;
import io.ipmirunner.modules.McInfoModule;
import io.ipmirunner.modules.Module;
import io.ipmirunner.modules.PowerModule;
import io.ipmirunner.modules.PowerReadingModule;
import io.ipmirunner.modules.SelModule;
import io.ipmirunner.secret.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's DCMI, SEL clock and cold reset with ipmitool and FreeIPMI as clients, and our modules
 * reading the same BMC. ipmi_sim has no DCMI (see docs/interop-notes.md), so these are the DCMI peers.
 */
@Tag("interop")
class OpsCommandsInteropTest {
    private static final List<String> LANPLUS = List.of("-I", "lanplus", "-C", "3");
    @TempDir
    static Path dir;
    static InteropFleet fleet;
    static IpmiClient client;

    @BeforeAll
    static void start() {
        fleet = new InteropFleet(3, dir);
        client = IpmiClient.create();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    private static <A> Map<String, Object> run(int bmc, Module<A> m, Map<String, String> args) throws Exception {
        SessionConfig c = SessionConfig.of("admin", Secret.of(InteropFleet.PASSWORD, "test"));
        try (BmcSession s = client.open(new BmcTarget("sim", fleet.host().address(bmc), c))) {
            return m.run(s, m.validate(args)).result();
        }
    }

    private static int watts(String out, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s*:?\\s+(\\d+) [Ww]atts").matcher(out);
        assertTrue(m.find(), label + " in " + out);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void powerReadingAsIpmitoolAndFreeIpmiReadItAndItFollowsThePowerState() throws Exception {
        Peers.require("ipmitool");
        Peers.require("ipmi-dcmi");
        String it = ok(fleet.ipmitool(0, LANPLUS, "dcmi", "power", "reading"));
        Map<String, Object> ours = run(0, new PowerReadingModule(), Map.of());
        assertTrue(it.contains("Sampling period:                          00003600 Seconds."), it);
        assertEquals(3600.0, ours.get("sample_period_seconds"));
        assertTrue(it.contains("Power reading state is:                   activated"), it);
        assertEquals(true, ours.get("active"));
        // The reading moves between the two calls; the hour's minimum and maximum bound both.
        int min = watts(it, "Minimum during sampling period:");
        int max = watts(it, "Maximum during sampling period:");
        for (String k : List.of("current_watts", "average_watts")) {
            int w = (Integer) ours.get(k);
            assertTrue(w >= min * 0.9 && w <= max * 1.1, k + " " + w + " vs ipmitool " + min + ".." + max);
        }
        String fi = ok(fleet.freeipmi(0, "ipmi-dcmi", "--get-system-power-statistics"));
        assertTrue(fi.contains("Statistics reporting time period     : 3600000 milliseconds"), fi);
        assertTrue(fi.contains("Power Measurement                    : Active"), fi);

        ok(fleet.ipmitool(0, LANPLUS, "chassis", "power", "off"));
        int off = (Integer) run(0, new PowerReadingModule(), Map.of()).get("current_watts");
        assertTrue(off < min, "off draws less (" + off + " W) than the running minimum " + min);
        String itOff = ok(fleet.ipmitool(0, LANPLUS, "dcmi", "power", "reading"));
        assertEquals(off, watts(itOff, "Instantaneous power reading:"), 2.0);
        assertEquals(off, watts(itOff, "Minimum during sampling period:"), 2.0);
        assertTrue(watts(itOff, "Maximum during sampling period:") >= min, "the hour before the power-off counts");
    }

    @Test
    @SuppressWarnings("unchecked")
    void dcmiCapabilitiesAsIpmitoolAndFreeIpmiDiscoverThem() throws Exception {
        Peers.require("ipmitool");
        Peers.require("ipmi-dcmi");
        Map<String, Object> dcmi = (Map<String, Object>) run(1, new PowerReadingModule(), Map.of()).get("dcmi");
        String fi = ok(fleet.freeipmi(1, "ipmi-dcmi", "--get-dcmi-capability-info"));
        assertTrue(fi.contains("DCMI Specification Conformance                     : " + dcmi.get("version")), fi);
        assertEquals(true, dcmi.get("power_management"));
        assertTrue(fi.contains("Power Management / Monitoring Support              : Available"), fi);
        assertEquals(List.of("primary_lan"), dcmi.get("access"));
        assertTrue(fi.contains("Primary LAN Out-of-band Channel Number             : 1"), fi);
        String it = ok(fleet.ipmitool(1, LANPLUS, "dcmi", "discover"));
        assertTrue(it.contains("Out-of-band primary LAN channel available"), it);
        assertTrue(it.contains("512 SEL entries"), it);
    }

    @Test
    void mcInfoGuidAndSelfTestAsIpmitoolPrintsThem() throws Exception {
        Peers.require("ipmitool");
        Map<String, Object> mc = run(2, new McInfoModule(), Map.of());
        String guid = ok(fleet.ipmitool(2, LANPLUS, "mc", "guid"));
        assertTrue(guid.contains("System GUID   : " + mc.get("system_guid")), guid + " vs " + mc);
        assertTrue(ok(fleet.ipmitool(2, LANPLUS, "mc", "selftest")).contains("Selftest: " + mc.get("self_test")));
    }

    /** Power events the simulator logs (sensor types 09h, 1Dh, 22h) in the words ipmitool prints. */
    @Test
    @SuppressWarnings("unchecked")
    void selEventWordsEqualIpmitool() throws Exception {
        Peers.require("ipmitool");
        ok(fleet.ipmitool(2, LANPLUS, "chassis", "power", "off"));
        ok(fleet.ipmitool(2, LANPLUS, "chassis", "power", "on"));
        Thread.sleep(InteropFleet.POWER_ON_DELAY + 200);
        ok(fleet.ipmitool(2, LANPLUS, "chassis", "power", "reset"));
        List<Map<String, Object>> ours = (List<Map<String, Object>>) run(2, new SelModule(), Map.of()).get("entries");
        // "   1 | 11/24/2026 | 22:14:17 | System ACPI Power State #0x40 | S0/G0: working | Asserted"
        List<String> theirs = ok(fleet.ipmitool(2, LANPLUS, "sel", "list")).lines()
                .map(l -> l.split("\\|")[4].trim()).toList();
        assertEquals(theirs, ours.stream().map(e -> (String) e.get("event")).toList());
        assertTrue(theirs.containsAll(List.of("Power off/down", "S0/G0: working", "Initiated by hard reset")),
                theirs.toString());
    }

    @Test
    void selClockSetByFreeIpmiIsReadByUsAndOursIsReadByFreeIpmi() throws Exception {
        Peers.require("bmc-device");
        ok(fleet.freeipmi(2, "bmc-device", "--set-sel-time=01/31/2031 - 13:14:15"));
        Map<String, Object> t = run(2, new SelModule(), Map.of("action", "time"));
        assertTrue(((String) t.get("time")).startsWith("2031-01-31T13:14:1"), t.toString());
        Map<String, Object> set = run(2, new SelModule(), Map.of("action", "set_time", "time", "2029-02-03T04:05:06Z"));
        assertEquals(true, set.get("verified"));
        assertTrue(set.get("previous").toString().startsWith("2031-01-31T13:14:1"), set.toString());
        String fi = ok(fleet.freeipmi(2, "bmc-device", "--get-sel-time"));
        assertTrue(fi.contains("SEL Time : 02/03/2029 - 04:05:0"), fi);
    }

    @Test
    void coldResetFromIpmitoolSilencesTheBmcAndOurModuleWaitsUntilItAnswersAgain() throws Exception {
        Peers.require("ipmitool");
        int before = fleet.host().inspect(1, b -> b.resets());
        assertTrue(ok(fleet.ipmitool(1, LANPLUS, "mc", "reset", "cold")).contains("Sent cold reset command to MC"));
        assertEquals(before + 1, fleet.host().<Integer>inspect(1, b -> b.resets()));
        assertFalse(fleet.ipmitool(1, List.of("-I", "lanplus", "-C", "3", "-N", "1", "-R", "1"), "mc", "info").ok(),
                "a resetting BMC does not answer");
        Map<String, Object> r = run(1, new BmcResetModule(), Map.of("type", "cold", "timeout", "60"));
        assertEquals(before + 2, fleet.host().<Integer>inspect(1, b -> b.resets()));
        assertEquals(true, r.get("back"), r.toString());
        assertTrue(ok(fleet.ipmitool(1, LANPLUS, "mc", "info")).contains("Firmware Revision         : "
                + r.get("firmware")));
    }

    @Test
    void diagnosticInterruptIsTakenWhenOnAndRefusedWhenOffForIpmitoolAsForUs() throws Exception {
        Peers.require("ipmitool");
        run(2, new PowerModule(), Map.of("state", "on", "wait", "true", "timeout", "10"));
        ok(fleet.ipmitool(2, LANPLUS, "power", "diag"));
        Map<String, Object> ours = run(2, new PowerModule(), Map.of("state", "diag"));
        assertEquals("diag", ours.get("action"));
        assertEquals("on", ours.get("state"));
        run(2, new PowerModule(), Map.of("state", "off", "wait", "true", "timeout", "10"));
        assertTrue(!fleet.ipmitool(2, LANPLUS, "power", "diag").ok(), "an off host refuses an NMI");
        IpmiException.CompletionCodeError refused = org.junit.jupiter.api.Assertions.assertThrows(
                IpmiException.CompletionCodeError.class, () -> run(2, new PowerModule(), Map.of("state", "diag")));
        assertEquals(0xD5, refused.code().code());
    }

    private static String ok(InteropFleet.Result r) {
        assertTrue(r.ok(), r.out());
        return r.out();
    }
}
