package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.Peers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exec} end to end against ipmi_sim, with ipmitool as the witness of what changed on the BMC.
 */
@Tag("interop")
class ExecAgainstIpmiSimTest {
    private static IpmiSim bmc;
    @TempDir
    static Path dir;
    private static Path passwordFile;

    @BeforeAll
    static void start() throws Exception {
        Peers.require("ipmi_sim");
        Peers.require("ipmitool");
        bmc = IpmiSim.builder().build();
        passwordFile = secretFile("pw", bmc.password());
    }

    @AfterAll
    static void stop() {
        if (bmc != null) {
            bmc.close();
        }
    }

    static Path secretFile(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        return p;
    }

    private static CliRun exec(IpmiSim b, String module, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("exec", b.host() + ":" + b.port(), module));
        args.addAll(List.of(more));
        // ipmi_sim never answers Get Channel Cipher Suites; naming the suite saves the 2.5 s fallback per run.
        args.addAll(List.of("-u", b.username(), "--password-file", passwordFile.toString(), "--timeout", "5",
                "--cipher-suite", "3"));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void powerOnOffCycleAsIpmitoolSeesThem() throws Exception {
        try (IpmiSim own = IpmiSim.builder().build()) {
            powerSequence(own);
        }
    }

    /** On its own BMC: the wrong-password test leaves a half-open session that ipmi_sim expires after 30 s. */
    private static void powerSequence(IpmiSim bmc) throws Exception {
        bmc.setPowerState(false);
        CliRun on = exec(bmc, "power", "state=on");
        assertEquals(0, on.exit(), on.toString());
        assertTrue(on.out().contains("| CHANGED | "), on.toString());
        assertTrue(bmc.ipmitool("chassis", "power", "status").stdout().contains("Chassis Power is on"));

        CliRun again = exec(bmc, "power", "state=on");
        assertTrue(again.out().contains("| OK | "), "on when on changes nothing: " + again);

        CliRun cycle = exec(bmc, "power", "state=cycle", "wait=true", "timeout=10");
        assertEquals(0, cycle.exit(), cycle.toString());
        List<String> log = bmc.chassisLog();
        assertEquals(List.of("power 0", "power 1"), log.subList(log.size() - 2, log.size()), log.toString());

        CliRun off = exec(bmc, "power", "state=off", "--json");
        assertEquals(0, off.exit(), off.toString());
        assertTrue(off.out().contains("\"status\": \"changed\""), off.toString());
        assertTrue(off.out().contains("\"state\": \"off\""), off.toString());
        assertTrue(bmc.ipmitool("chassis", "power", "status").stdout().contains("Chassis Power is off"));

        CliRun status = exec(bmc, "power");
        assertTrue(status.out().trim().endsWith("| OK | state=off"), status.toString());
        assertEquals(0, bmc.sessionCount(), "exec closes its sessions");
    }

    @Test
    void mcInfoJsonHasTheContractKeys() {
        CliRun r = CliRun.of("exec", bmc.host() + ":" + bmc.port(), "mc_info", "--json", "-u", bmc.username(),
                "--password-file", passwordFile.toString());
        assertEquals(0, r.exit(), r.toString());
        for (String k : List.of("\"device_id\": " + IpmiSim.DEVICE_ID, "\"firmware\": \"" + IpmiSim.FIRMWARE + "\"",
                "\"ipmi_version\": \"2.0\"", "\"manufacturer_id\": " + IpmiSim.MANUFACTURER_ID,
                "\"product_id\": " + IpmiSim.PRODUCT_ID, "\"status\": \"ok\"")) {
            assertTrue(r.out().contains(k), k + " in " + r);
        }
    }

    @Test
    void wrongPasswordFailsTheHostWithExit2AndNoSecretInOutput() throws Exception {
        Path wrong = secretFile("wrong", "Canary-7f3a9");
        CliRun r = CliRun.of("exec", bmc.host() + ":" + bmc.port(), "power", "-u", bmc.username(),
                "--password-file", wrong.toString(), "--cipher-suite", "3", "-vvv");
        assertEquals(ExitCodes.HOST_FAILED, r.exit(), r.toString());
        assertTrue(r.out().contains("| FAILED | ") && r.out().contains("wrong password"), r.toString());
        assertTrue(!r.out().contains("Canary-7f3a9") && !r.err().contains("Canary-7f3a9"), r.toString());
    }

    @Test
    void kgIsUsedWhenTheBmcHasOne() throws Exception {
        try (IpmiSim keyed = IpmiSim.builder().bmcKey("kgsecret").build()) {
            Path right = secretFile("kg-right", "kgsecret");
            Path wrong = secretFile("kg-wrong", "notthekey");
            String host = keyed.host() + ":" + keyed.port();
            CliRun ok = CliRun.of("exec", host, "power", "-u", keyed.username(), "--password-file",
                    passwordFile.toString(), "--kg-file", right.toString(), "--timeout", "5");
            assertEquals(0, ok.exit(), ok.toString());
            CliRun bad = CliRun.of("exec", host, "power", "-u", keyed.username(), "--password-file",
                    passwordFile.toString(), "--kg-file", wrong.toString(), "--timeout", "5");
            assertEquals(ExitCodes.HOST_FAILED, bad.exit(), bad.toString());
            assertTrue(bad.out().contains("K_g"), bad.toString());
        }
    }

    @Test
    void silentBmcIsUnreachableWithinTheTimeout() {
        // Nothing listens on this loopback address: the host must fail within --timeout, not hang.
        CliRun r = CliRun.of("exec", "127.0.79.254", "power", "-u", "admin", "--password-file",
                passwordFile.toString(), "--timeout", "2");
        assertEquals(ExitCodes.HOST_UNREACHABLE, r.exit(), r.toString());
        assertTrue(r.out().contains("| UNREACHABLE | "), r.toString());
        assertTrue(r.millis() < 4000, "failed within the timeout plus start-up: " + r.millis() + " ms");
    }

    @Test
    void badOptionsExit5WithOneLine() {
        CliRun r = CliRun.of("exec", "127.0.0.1", "power", "state=sideways");
        assertEquals(ExitCodes.BAD_OPTIONS, r.exit(), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        CliRun m = CliRun.of("exec", "127.0.0.1", "nosuchmodule");
        assertEquals(ExitCodes.BAD_OPTIONS, m.exit(), m.toString());
        CliRun p = CliRun.of("exec", "h[9:1]", "power");
        assertEquals(ExitCodes.BAD_OPTIONS, p.exit(), p.toString());
    }

    @Test
    void inventoryHostsWithPasswordFromAFile() throws Exception {
        Path inv = dir.resolve("rack.yml");
        Files.writeString(inv, """
                all:
                  children:
                    rack1:
                      hosts:
                        bmc-a:
                          ipmi_host: %s
                          ipmi_port: %d
                      vars:
                        ipmi_user: %s
                        ipmi_password: {file: %s}
                        ipmi_cipher_suite: 3
                """.formatted(bmc.host(), bmc.port(), bmc.username(), passwordFile));
        CliRun r = CliRun.of("exec", "-i", inv.toString(), "rack1", "mc_info", "--json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\"bmc-a\"") && r.out().contains("\"firmware\": \"" + IpmiSim.FIRMWARE + "\""),
                r.toString());
        CliRun none = CliRun.of("exec", "-i", inv.toString(), "rack2", "mc_info");
        assertEquals(ExitCodes.BAD_OPTIONS, none.exit(), none.toString());
    }
}
