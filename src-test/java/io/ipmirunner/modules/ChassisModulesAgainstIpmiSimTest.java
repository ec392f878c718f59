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

/** boot_device, chassis_status, identify and raw against ipmi_sim, with ipmitool as the witness. */
@Tag("interop")
class ChassisModulesAgainstIpmiSimTest {
    @RegisterExtension
    static final IpmiSimPeer PEER = new IpmiSimPeer(() -> IpmiSim.builder().build());

    @Test
    void bootDeviceIsSetAndReadBackAndIpmiSimDropsTheFlagsItDoesNotKeep() throws Exception {
        ModuleResult r = IpmiSimModules.run(PEER, new BootDeviceModule(),
                Map.of("device", "pxe", "persistent", "true", "efi", "true"));
        assertTrue(r.changed());
        assertEquals("pxe", r.result().get("device"));
        assertEquals("pxe", PEER.bmc().bootDevice(), "ipmi_sim's chassis_control got the device");
        assertTrue(PEER.bmc().ipmitool("chassis", "bootparam", "get", "5").stdout()
                .contains("Boot Device Selector : Force PXE"));
        // ipmi_sim 2.0.33 stores only the device selector: valid, persistent and EFI read back cleared.
        assertEquals(false, r.result().get("verified"));
        assertEquals(List.of("valid", "persistent", "efi"), r.result().get("not_kept"));

        ModuleResult disk = IpmiSimModules.run(PEER, new BootDeviceModule(), Map.of("device", "disk"));
        assertEquals("disk", disk.result().get("device"));
        assertEquals(List.of("valid"), disk.result().get("not_kept"));
        assertTrue(PEER.bmc().ipmitool("chassis", "bootparam", "get", "5").stdout()
                .contains("Force Boot from default Hard-Drive"));
        assertEquals(false, IpmiSimModules.run(PEER, new BootDeviceModule(), Map.of()).changed());

        // ipmi_sim reads the flags back invalid but still holds "disk": none must reach it, as ipmitool's does.
        int sets = PEER.bmc().chassisLog().size();
        ModuleResult none = IpmiSimModules.run(PEER, new BootDeviceModule(), Map.of("device", "none"));
        assertTrue(none.changed(), none.result().toString());
        assertEquals("none", none.result().get("device"));
        assertEquals(true, none.result().get("verified"));
        assertEquals("none", PEER.bmc().bootDevice(), "ipmi_sim's chassis_control got no-override");
        // ipmi_sim hands chassis_control the boot device on every Set System Boot Options (parameters 0 and 5).
        List<String> sent = PEER.bmc().chassisLog().subList(sets, PEER.bmc().chassisLog().size());
        assertTrue(!sent.isEmpty() && sent.stream().allMatch("boot none"::equals), sent.toString());
        sets = PEER.bmc().chassisLog().size();
        ModuleResult again = IpmiSimModules.run(PEER, new BootDeviceModule(), Map.of("device", "none"));
        assertEquals(false, again.changed(), "the BMC reads back no override: nothing to send");
        assertEquals(sets, PEER.bmc().chassisLog().size(), "nothing sent");
    }

    @Test
    @SuppressWarnings("unchecked")
    void chassisStatusEqualsIpmitool() throws Exception {
        Map<String, Object> r = IpmiSimModules.run(PEER, new ChassisStatusModule(), Map.of()).result();
        Map<String, String> it = IpmiSimModules.keyValues(PEER.bmc().ipmitool("chassis", "status").stdout());
        assertEquals(it.get("System Power"), r.get("power"));
        assertEquals(it.get("Power Restore Policy"), r.get("restore_policy"));
        Map<String, Object> faults = (Map<String, Object>) r.get("faults");
        assertEquals(it.get("Power Overload"), faults.get("overload").toString());
        assertEquals(it.get("Main Power Fault"), faults.get("main_power").toString());
        assertEquals(it.get("Power Control Fault"), faults.get("power_control").toString());
        assertEquals(it.get("Drive Fault"), faults.get("drive").toString());
        assertEquals(it.get("Cooling/Fan Fault"), faults.get("fan").toString());
        assertEquals(it.get("Chassis Intrusion"), (Boolean) r.get("intrusion") ? "active" : "inactive");
        assertEquals(it.get("Power Interlock"), (Boolean) faults.get("interlock") ? "active" : "inactive");
        assertEquals(it.get("Last Power Event"), String.join(", ", (List<String>) r.get("last_event")));
    }

    @Test
    void identifyAndRaw() throws Exception {
        // ipmi_sim 2.0.33 answers Chassis Identify with 35 data bytes after the completion code, where §28.5 has none.
        // Its Get Chassis Status does not report the identify state (byte 3 bit 6 clear): previous is unknown,
        // and state=on is sent every time.
        assertEquals(Map.of("identify", "timed", "seconds", 5, "previous", "unknown", "warnings",
                List.of("Chassis Identify answered 35 data bytes where IPMI v2.0 §28.5 has none; ignored")),
                IpmiSimModules.run(PEER, new IdentifyModule(), Map.of("seconds", "5")).result());
        for (int i = 0; i < 2; i++) {
            ModuleResult on = IpmiSimModules.run(PEER, new IdentifyModule(), Map.of("state", "on"));
            assertEquals("on", on.result().get("identify"));
            assertTrue(on.changed());
        }
        Map<String, Object> raw = IpmiSimModules.run(PEER, new RawModule(),
                Map.of("netfn", "0x06", "cmd", "0x01")).result();
        assertEquals(0, raw.get("completion_code"));
        assertEquals(PEER.bmc().ipmitool("raw", "0x06", "0x01").stdout().replaceAll("\\s", ""), raw.get("data"));
        Map<String, Object> bad = IpmiSimModules.run(PEER, new RawModule(),
                Map.of("netfn", "0x06", "cmd", "0x99", "data", "0x01 0x2")).result();
        assertEquals(0xC1, bad.get("completion_code"), "invalid command comes back as a value, not an error");
    }

    @Test
    void diagnosticInterruptIsAnsweredAsIpmitoolsIs() throws Exception {
        IpmiSimModules.run(PEER, new PowerModule(), Map.of("state", "on", "wait", "true", "timeout", "10"));
        var witness = PEER.bmc().ipmitool("power", "diag");
        String outcome;
        try {
            ModuleResult r = IpmiSimModules.run(PEER, new PowerModule(), Map.of("state", "diag"));
            assertEquals("diag", r.result().get("action"));
            assertEquals("on", r.result().get("state"), "an NMI leaves the power as it is");
            outcome = "accepted";
        } catch (io.ipmirunner.ipmi.IpmiException.CompletionCodeError e) {
            outcome = "refused";
        }
        assertEquals(witness.exit() == 0 ? "accepted" : "refused", outcome, witness.stdout() + witness.stderr());
    }
}
