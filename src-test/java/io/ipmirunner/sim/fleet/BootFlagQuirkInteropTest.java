package io.ipmirunner.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.Peers;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Quirk;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ignores-boot-flags quirk as ipmitool sees it: a next-boot PXE override set before a power-on is still
 * pending, valid, after the boot (a good BMC clears it: IpmitoolInteropTest).
 */
@Tag("interop")
class BootFlagQuirkInteropTest {
    @Test
    void theOverrideSurvivesTheBoot(@TempDir Path dir) throws Exception {
        Peers.require("ipmitool");
        List<String> iface = List.of("-I", "lanplus", "-C", "17");
        try (InteropFleet fleet = new InteropFleet(1, dir, FaultProfile.NONE.withQuirks(Set.of(
                Quirk.IGNORES_BOOT_FLAGS)))) {
            assertTrue(fleet.ipmitool(0, iface, "chassis", "power", "off").ok());
            assertTrue(fleet.ipmitool(0, iface, "chassis", "bootdev", "pxe").ok());
            assertTrue(fleet.ipmitool(0, iface, "chassis", "power", "on").ok());
            Thread.sleep(InteropFleet.POWER_ON_DELAY + 200);
            InteropFleet.Result status = fleet.ipmitool(0, iface, "chassis", "power", "status");
            assertTrue(status.out().contains("Chassis Power is on"), status.out());
            InteropFleet.Result flags = fleet.ipmitool(0, iface, "chassis", "bootparam", "get", "5");
            assertTrue(flags.ok(), flags.out());
            assertTrue(flags.out().contains("Boot Flag Valid"), flags.out());
            assertTrue(flags.out().contains("Force PXE"), flags.out());
        }
    }
}
