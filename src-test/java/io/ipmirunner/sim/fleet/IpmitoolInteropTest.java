package io.ipmirunner.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.Peers;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ipmitool over lanplus (cipher suites 3 and 17) and lan (v1.5) against simulated BMCs in this JVM. */
@Tag("interop")
class IpmitoolInteropTest {
    @TempDir
    static Path dir;
    static InteropFleet fleet;

    @BeforeAll
    static void start() {
        fleet = new InteropFleet(3, dir);
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    /** One BMC per interface, so the power and boot changes of one run do not meet another's. */
    static Stream<Arguments> interfaces() {
        return Stream.of(Arguments.of(0, List.of("-I", "lanplus", "-C", "3")),
                Arguments.of(1, List.of("-I", "lanplus", "-C", "17")), Arguments.of(2, List.of("-I", "lan")));
    }

    @ParameterizedTest
    @MethodSource("interfaces")
    void mcInfoFruSdrShowWhatTheBmcHolds(int bmc, List<String> iface) {
        Peers.require("ipmitool");
        String mc = ok(fleet.ipmitool(bmc, iface, "mc", "info"));
        assertTrue(Pattern.compile("Manufacturer ID\\s+: 674").matcher(mc).find(), mc);
        assertTrue(Pattern.compile("Firmware Revision\\s+: 6.10").matcher(mc).find(), mc);
        String fru = ok(fleet.ipmitool(bmc, iface, "fru", "print"));
        assertTrue(fru.contains("Product Serial        : " + fleet.productSerial(bmc)), fru);
        assertTrue(fru.contains("PowerEdge R650"), fru);
        String sdr = ok(fleet.ipmitool(bmc, iface, "sdr", "list"));
        assertTrue(Pattern.compile("Inlet Temp\\s+\\| \\d+ degrees C\\s+\\| ok").matcher(sdr).find(), sdr);
        assertTrue(Pattern.compile("Fan1\\s+\\| \\d+ RPM").matcher(sdr).find(), sdr);
    }

    @ParameterizedTest
    @MethodSource("interfaces")
    void powerBootAndSelFollowTheCommands(int bmc, List<String> iface) throws Exception {
        Peers.require("ipmitool");
        assertTrue(ok(fleet.ipmitool(bmc, iface, "chassis", "power", "off")).contains("Down/Off"));
        assertTrue(ok(fleet.ipmitool(bmc, iface, "chassis", "power", "status")).contains("Chassis Power is off"));
        assertTrue(ok(fleet.ipmitool(bmc, iface, "chassis", "bootdev", "pxe")).contains("Set Boot Device to pxe"));
        assertTrue(bootFlagValid(bmc));
        assertTrue(ok(fleet.ipmitool(bmc, iface, "chassis", "power", "on")).contains("Up/On"));
        Thread.sleep(InteropFleet.POWER_ON_DELAY + 200);
        assertTrue(ok(fleet.ipmitool(bmc, iface, "chassis", "power", "status")).contains("Chassis Power is on"));
        assertFalse(bootFlagValid(bmc), "the boot used up the PXE flag");
        String sel = ok(fleet.ipmitool(bmc, iface, "sel", "list"));
        assertTrue(sel.contains("Power off/down"), sel);
        assertTrue(sel.contains("S0/G0: working"), sel);
        assertEquals(3, sel.lines().count(), sel);
    }

    private static boolean bootFlagValid(int bmc) {
        return fleet.host().<Boolean>inspect(bmc, b -> b.boot().flags().valid());
    }

    private static String ok(InteropFleet.Result r) {
        assertTrue(r.ok(), r.out());
        return r.out();
    }
}
