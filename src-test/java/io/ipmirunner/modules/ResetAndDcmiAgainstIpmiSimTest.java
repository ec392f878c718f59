package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.IpmiSimPeer;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.wire.CompletionCode;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** bmc_reset, power_reading and the SEL clock against ipmi_sim, with ipmitool as the witness. */
@Tag("interop")
class ResetAndDcmiAgainstIpmiSimTest {
    @RegisterExtension
    static final IpmiSimPeer PEER = new IpmiSimPeer(() -> IpmiSim.builder().address("127.42.1.1").build());

    @Test
    void mcInfoEqualsIpmitoolMcInfoSelftestAndGuid() throws Exception {
        Map<String, Object> r = IpmiSimModules.run(PEER, new McInfoModule(), Map.of()).result();
        Map<String, String> it = IpmiSimModules.keyValues(PEER.bmc().ipmitool("mc", "info").stdout());
        assertEquals(it.get("Device ID"), r.get("device_id").toString());
        assertEquals(it.get("Firmware Revision"), r.get("firmware"));
        assertEquals(it.get("IPMI Version"), r.get("ipmi_version"));
        assertEquals(it.get("Manufacturer ID"), r.get("manufacturer_id").toString());
        assertEquals("unknown", r.get("manufacturer"), "0x0BEEF0 is no IANA number we name; ipmitool: "
                + it.get("Manufacturer Name"));
        // ipmi_sim refuses Get Self Test Results (ipmitool: "Bad response: (Invalid command)"): no key.
        assertTrue(PEER.bmc().ipmitool("mc", "selftest").stderr().contains("Invalid command"));
        assertEquals(null, r.get("self_test"));
        // ipmi_sim sends the RFC 4122 byte order; ipmitool detects it by the version nibble, and so do we.
        String guid = PEER.bmc().ipmitool("mc", "guid").stdout();
        assertTrue(guid.contains("System GUID   : " + r.get("system_guid")), guid + " vs " + r.get("system_guid"));
    }

    @Test
    void coldResetIsSentAndTheModuleWaitsForGetDeviceIdOnAFreshSession() throws Exception {
        ModuleResult r = IpmiSimModules.run(PEER, new BmcResetModule(), Map.of("type", "cold",
                "settle", "0.5", "timeout", "60"));
        assertTrue(r.changed());
        assertEquals(true, r.result().get("back"));
        assertEquals(IpmiSim.FIRMWARE, r.result().get("firmware"));
        assertTrue(PEER.bmc().ipmitool("mc", "info").stdout()
                .contains("Firmware Revision         : " + IpmiSim.FIRMWARE));
        ModuleResult warm = IpmiSimModules.run(PEER, new BmcResetModule(), Map.of("type", "warm",
                "settle", "0"));
        assertEquals(true, warm.result().get("back"));
    }

    @Test
    void ipmiSimHasNoDcmiAndSaysSoWithInvalidCommandLikeIpmitoolSees() {
        var e = assertThrows(IpmiException.CompletionCodeError.class,
                () -> IpmiSimModules.run(PEER, new PowerReadingModule(), Map.of()));
        assertEquals(CompletionCode.INVALID_COMMAND, e.code());
        assertTrue(PEER.bmc().ipmitool("dcmi", "power", "reading").stderr().contains("Invalid command (c1)"));
    }

    @Test
    void selTimeSetIsReadBackAndIpmitoolSeesTheSameClock() throws Exception {
        ModuleResult set = IpmiSimModules.run(PEER, new SelModule(), Map.of("action", "set_time",
                "time", "2030-05-17T08:09:10Z"));
        assertEquals(true, set.result().get("verified"), set.result().toString());
        String it = PEER.bmc().ipmitool("sel", "time", "get").stdout().trim();
        // ipmitool 1.8.19 prints MM/DD/YY hh:mm:ss UTC.
        assertTrue(it.startsWith("05/17/30 08:09:1"), it);
        Map<String, Object> get = IpmiSimModules.run(PEER, new SelModule(), Map.of("action", "time")).result();
        assertTrue(((String) get.get("time")).startsWith("2030-05-17T08:09:1"), get.toString());
        assertEquals(true, get.get("set"));
    }
}
