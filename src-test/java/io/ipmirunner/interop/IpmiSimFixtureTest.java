package io.ipmirunner.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Proves the IpmiSim fixture right with the reference clients only (ipmitool, FreeIPMI). */
@Tag("interop")
class IpmiSimFixtureTest {
    private IpmiSim bmc;

    @BeforeEach
    void startBmc() {
        Peers.require("ipmitool");
        bmc = IpmiSim.builder().build();
    }

    @AfterEach
    void stopBmc() {
        if (bmc != null) {
            bmc.close();
        }
    }

    @Test
    void powerStatusPrintsTheStateHeldByTheChassisFiles() {
        assertEquals("off", bmc.powerState());
        assertOutput(bmc.ipmitool("chassis", "power", "status"), "Chassis Power is off");
        bmc.setPowerState(true);
        assertOutput(bmc.ipmitool("chassis", "power", "status"), "Chassis Power is on");
    }

    @Test
    void powerCommandsChangeThePowerFile() throws InterruptedException {
        assertOutput(bmc.ipmitool("chassis", "power", "on"), "Up/On");
        assertEquals("on", bmc.powerState());
        assertOutput(bmc.ipmitool("chassis", "power", "off"), "Down/Off");
        assertEquals("off", bmc.powerState());

        bmc.setPowerState(true);
        assertOutput(bmc.ipmitool("chassis", "power", "cycle"), "Cycle");
        // ipmi_sim powers off at once and on again after about a second.
        for (int i = 0; i < 50 && !bmc.chassisLog().getLast().equals("power 1"); i++) {
            Thread.sleep(100);
        }
        List<String> log = bmc.chassisLog();
        assertEquals(List.of("power 0", "power 1"), log.subList(log.size() - 2, log.size()), log.toString());
        assertEquals("on", bmc.powerState());
    }

    @Test
    void bootDeviceGoesToTheBootFile() {
        assertEquals("none", bmc.bootDevice());
        assertOutput(bmc.ipmitool("chassis", "bootdev", "pxe"), "Set Boot Device to pxe");
        assertEquals("pxe", bmc.bootDevice());
        assertOutput(bmc.ipmitool("chassis", "bootparam", "get", "5"), "Force PXE");
    }

    @Test
    void mcInfoShowsTheIdentity() {
        ProcessResult r = bmc.ipmitool("mc", "info");
        assertMatches(r, "Device ID\\s*:\\s*" + IpmiSim.DEVICE_ID + "\\b");
        assertMatches(r, "Firmware Revision\\s*:\\s*" + Pattern.quote(IpmiSim.FIRMWARE));
        assertMatches(r, "Manufacturer ID\\s*:\\s*" + IpmiSim.MANUFACTURER_ID + "\\b");
        assertMatches(r, "Product ID\\s*:\\s*" + IpmiSim.PRODUCT_ID + "\\b");
    }

    @Test
    void fruPrintShowsTheInventory() {
        ProcessResult r = bmc.ipmitool("fru", "print", "0");
        assertMatches(r, "Board Mfg\\s*:\\s*" + IpmiSim.FRU_MANUFACTURER);
        assertMatches(r, "Product Name\\s*:\\s*" + IpmiSim.FRU_PRODUCT_NAME);
        assertMatches(r, "Product Part Number\\s*:\\s*" + IpmiSim.FRU_PART_NUMBER);
        assertMatches(r, "Product Serial\\s*:\\s*" + bmc.productSerial());
    }

    @Test
    void sdrListShowsBothThresholdSensors() {
        ProcessResult r = bmc.ipmitool("sdr", "list");
        assertMatches(r, Pattern.quote(IpmiSim.SENSOR_INLET) + "\\s*\\|\\s*" + IpmiSim.INLET_READING
                + " degrees C\\s*\\|\\s*ok");
        // The all-uppercase name is 6-bit packed and ipmitool garbles it: match the reading only.
        assertMatches(r, "\\|\\s*" + IpmiSim.CPU_READING + " degrees C\\s*\\|\\s*ok");
    }

    @Test
    void selHoldsTheTwoEntries() {
        ProcessResult r = bmc.ipmitool("sel", "list");
        long temperatureEvents = r.stdout().lines().filter(l -> l.contains("Temperature")).count();
        assertEquals(IpmiSim.SEL_ENTRIES, temperatureEvents, r.toString());
        assertOutput(r, "Upper Critical going high");
    }

    @Test
    void ipmi15SessionsWorkWithMd5AndStraightPassword() {
        for (String authType : List.of("MD5", "PASSWORD")) {
            assertOutput(bmc.ipmitool(IpmitoolOptions.lan(authType), "chassis", "power", "status"),
                    "Chassis Power is off");
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        // -R 1 -N 1: one try, one second; ipmitool's own retries only make a refusal slow.
        ProcessResult v2 = bmc.ipmitool(IpmitoolOptions.DEFAULT.as(bmc.username(), "wrongpass"),
                "-R", "1", "-N", "1", "chassis", "power", "status");
        assertFalse(v2.ok(), v2.toString());
        ProcessResult v15 = bmc.ipmitool(IpmitoolOptions.lan("MD5").as(bmc.username(), "wrongpass"),
                "-R", "1", "-N", "1", "chassis", "power", "status");
        assertFalse(v15.ok(), v15.toString());
    }

    @Test
    void theCipherSuitesIpmitoolSpeaksWorkAndSha256IsRefused() {
        for (int suite : List.of(0, 1, 2, 3, 6)) {
            assertTrue(IpmiSim.SUPPORTED_CIPHER_SUITES.contains(suite));
            assertOutput(bmc.ipmitool(IpmitoolOptions.lanplus(suite), "chassis", "power", "status"),
                    "Chassis Power is off");
        }
        // Suite 0 authenticates nothing: ipmi_sim lets a wrong password in. Clients must not offer it.
        IpmitoolOptions noAuth = IpmitoolOptions.lanplus(0).as(bmc.username(), "wrongpass");
        assertOutput(bmc.ipmitool(noAuth, "chassis", "power", "status"), "Chassis Power is off");
        ProcessResult sha256 = bmc.ipmitool(IpmitoolOptions.lanplus(17), "-R", "1", "chassis", "power", "status");
        assertFalse(sha256.ok(), sha256.toString());
        assertTrue(sha256.output().contains("invalid authentication algorithm"), sha256.toString());
    }

    @Test
    void freeipmiToolsWork() {
        assertOutput(bmc.freeipmi("ipmipower", "--stat"), bmc.host() + ": off");
        assertOutput(bmc.freeipmi("ipmipower", "-D", "LAN", "--stat"), bmc.host() + ": off");
        assertOutput(bmc.freeipmi("ipmipower", "-I", "11", "--stat"), bmc.host() + ": off");
        ProcessResult info = bmc.freeipmi("bmc-info", "--get-device-id");
        assertMatches(info, "Firmware Revision\\s*:\\s*" + Pattern.quote(IpmiSim.FIRMWARE));
        assertMatches(bmc.freeipmi("ipmi-sensors"), Pattern.quote(IpmiSim.SENSOR_INLET)
                + "\\s*\\|\\s*Temperature\\s*\\|\\s*" + IpmiSim.INLET_READING + "\\.00");
        assertMatches(bmc.freeipmi("ipmi-fru"), "FRU Product Serial Number:\\s*" + bmc.productSerial());
    }

    @Test
    void noSessionStaysOpenAfterTheClientsExit() {
        assertEquals(0, bmc.sessionCount());
        assertTrue(bmc.ipmitool("chassis", "status").ok());
        assertTrue(bmc.ipmitool(IpmitoolOptions.lan("MD5"), "chassis", "status").ok());
        assertTrue(bmc.freeipmi("ipmipower", "--stat").ok());
        assertTrue(bmc.freeipmi("bmc-info", "--get-device-id").ok());
        assertEquals(0, bmc.sessionCount());
    }

    @Test
    void twoInstancesRunSideBySide() {
        try (IpmiSim other = IpmiSim.builder().build()) {
            assertNotEquals(bmc.host() + ":" + bmc.port(), other.host() + ":" + other.port());
            assertOutput(other.ipmitool("chassis", "power", "on"), "Up/On");
            assertEquals("on", other.powerState());
            assertEquals("off", bmc.powerState());
            assertOutput(other.ipmitool("fru", "print", "0"), other.productSerial());
            assertOutput(bmc.ipmitool("fru", "print", "0"), bmc.productSerial());
        }
    }

    @Test
    void anAddressInUseIsRefusedInsteadOfShared() {
        IpmiSimBuilder same = IpmiSim.builder().address(bmc.host()).port(bmc.port());
        IllegalStateException e = assertThrows(IllegalStateException.class, same::build);
        assertTrue(e.getMessage().contains("already in use"), e.getMessage());
    }

    @Test
    void aBmcKeyIsNeededOnceConfigured() {
        try (IpmiSim kg = IpmiSim.builder().bmcKey("kgsecret123").build()) {
            assertOutput(kg.ipmitool("chassis", "power", "status"), "Chassis Power is off");
            ProcessResult withoutKey = kg.ipmitool(IpmitoolOptions.DEFAULT.withKg(""), "chassis", "power", "status");
            assertFalse(withoutKey.ok(), withoutKey.toString());
            assertOutput(kg.freeipmi("ipmipower", "--stat"), kg.host() + ": off");
        }
    }

    @Test
    void extraUsersLogInWithTheirOwnPrivilege() {
        try (IpmiSim multi = IpmiSim.builder().user(3, "viewer", "viewpass", "user", "md5").build()) {
            IpmitoolOptions viewer = IpmitoolOptions.lan("MD5").as("viewer", "viewpass");
            // ipmitool asks for ADMINISTRATOR by default; the user's own level is USER.
            ProcessResult status = multi.ipmitool(viewer, "-L", "USER", "chassis", "power", "status");
            assertOutput(status, "Chassis Power is off");
        }
    }

    private static void assertOutput(ProcessResult r, String expected) {
        assertTrue(r.ok() && r.output().contains(expected),
                "expected \"" + expected + "\" from a successful run, got " + r);
    }

    private static void assertMatches(ProcessResult r, String regex) {
        assertTrue(r.ok() && Pattern.compile(regex).matcher(r.stdout()).find(), "expected /" + regex + "/ in " + r);
    }
}
