package io.ipmirunner.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.Peers;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FreeIPMI (RMCP+, its default cipher suite 3) against simulated BMCs in this JVM. */
@Tag("interop")
class FreeIpmiInteropTest {
    @TempDir
    static Path dir;
    static InteropFleet fleet;

    @BeforeAll
    static void start() {
        fleet = new InteropFleet(2, dir);
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void ipmipowerSwitchesPower() throws Exception {
        Peers.require("ipmipower");
        assertTrue(ok(fleet.freeipmi(0, "ipmipower", "--stat")).contains(": on"));
        assertTrue(ok(fleet.freeipmi(0, "ipmipower", "--off")).contains(": ok"));
        assertTrue(ok(fleet.freeipmi(0, "ipmipower", "--stat")).contains(": off"));
        assertTrue(ok(fleet.freeipmi(0, "ipmipower", "--on")).contains(": ok"));
        Thread.sleep(InteropFleet.POWER_ON_DELAY + 200);
        assertTrue(ok(fleet.freeipmi(0, "ipmipower", "--stat")).contains(": on"));
        Peers.require("ipmi-sel");
        String sel = ok(fleet.freeipmi(0, "ipmi-sel"));
        assertTrue(sel.contains("Power Off/Power Down"), sel);
        assertTrue(sel.contains("System ACPI Power State"), sel);
    }

    @Test
    void inventorySensorsChassisAndBmcInfo() {
        Peers.require("ipmi-fru");
        String fru = ok(fleet.freeipmi(1, "ipmi-fru"));
        assertTrue(fru.contains("FRU Product Serial Number: " + fleet.productSerial(1)), fru);
        assertTrue(fru.contains("FRU Board Manufacturer: Dell Inc."), fru);
        Peers.require("ipmi-sensors");
        String sensors = ok(fleet.freeipmi(1, "ipmi-sensors"));
        assertTrue(Pattern.compile("CPU1 Temp\\s+\\| Temperature\\s+\\| \\d+\\.00\\s+\\| C\\s+\\| 'OK'")
                .matcher(sensors).find(), sensors);
        Peers.require("ipmi-chassis");
        String chassis = ok(fleet.freeipmi(1, "ipmi-chassis", "--get-chassis-status"));
        assertTrue(Pattern.compile("System Power\\s+: on").matcher(chassis).find(), chassis);
        Peers.require("bmc-info");
        String info = ok(fleet.freeipmi(1, "bmc-info"));
        assertTrue(Pattern.compile("Firmware Revision\\s+: 6.10").matcher(info).find(), info);
        assertTrue(info.contains("Dell"), info);
    }

    private static String ok(InteropFleet.Result r) {
        assertTrue(r.ok(), r.out());
        return r.out();
    }
}
