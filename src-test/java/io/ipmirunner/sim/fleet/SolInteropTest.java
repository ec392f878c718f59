package io.ipmirunner.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.Peers;
import io.ipmirunner.interop.PtyClient;
import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.client.SolConsole;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.chassis.ChassisControl;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.lan.LanServices;
import io.ipmirunner.sim.model.Personality;
import io.ipmirunner.sim.model.UserTable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's SOL with ipmitool's {@code sol activate} and FreeIPMI's {@code ipmiconsole} as clients, on
 * a pseudo-terminal: after a power cycle or reset they show the boot log, and what they type is echoed.
 * Our own console reads the same boot log.
 */
@Tag("interop")
@Timeout(120)
class SolInteropTest {
    static final String PASSWORD = "sol-Pw-18";
    static final String HOST = "127.0.185.1";
    @TempDir
    static Path dir;
    static FleetHost fleet;

    @BeforeAll
    static void start() {
        var group = new FleetGroup("sol", 3, Personality.GENERIC.key(), BmcSettings.DEFAULTS.withPowerOnDelay(300),
                FaultProfile.NONE, 0);
        var plans = FleetPlanner.plan(List.of(group), new Addressing.BasePort(HOST, 18200),
                UserTable.standard("admin", Secret.of(PASSWORD, "test")), 18);
        fleet = FleetHost.start(plans, LanServices.seeded(18), 18);
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private static int port(int bmc) {
        return fleet.address(bmc).getPort();
    }

    private static String ipmitool(int bmc) {
        return "ipmitool -I lanplus -H " + HOST + " -p " + port(bmc) + " -U admin -E";
    }

    @Test
    void ipmitoolShowsTheBootLogAndEchoesTyping() throws Exception {
        Peers.require("ipmitool");
        Map<String, String> env = Map.of("IPMI_PASSWORD", PASSWORD);
        try (PtyClient power = PtyClient.start(ipmitool(0) + " chassis power cycle", env, Duration.ofSeconds(20))) {
            assertEquals(0, power.waitFor(Duration.ofSeconds(20)), power.output());
        }
        try (PtyClient sol = PtyClient.start(ipmitool(0) + " sol activate", env, Duration.ofSeconds(40))) {
            assertTrue(sol.await("SOL Session operational", Duration.ofSeconds(15)), sol.output());
            assertTrue(sol.await("PXE-E61", Duration.ofSeconds(15)), sol.output());
            assertTrue(sol.await("simhost login: ", Duration.ofSeconds(15)), sol.output());
            sol.type("operator\r");
            assertTrue(sol.await("login: operator", Duration.ofSeconds(10)), "echo: " + sol.output());
            sol.type("~.");
            assertEquals(0, sol.waitFor(Duration.ofSeconds(10)), sol.output());
        }
    }

    @Test
    void ipmiconsoleShowsTheBootLogAndEchoesTyping() throws Exception {
        Peers.require("ipmiconsole");
        Path conf = dir.resolve("freeipmi.conf");
        Files.createFile(conf, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(conf, "username admin\npassword " + PASSWORD + "\n");
        String console = "ipmiconsole --config-file=" + conf + " -h " + HOST + ":" + port(1);
        try (PtyClient power = PtyClient.start(ipmitool(1) + " chassis power reset", Map.of("IPMI_PASSWORD", PASSWORD),
                Duration.ofSeconds(20))) {
            assertEquals(0, power.waitFor(Duration.ofSeconds(20)), power.output());
        }
        try (PtyClient sol = PtyClient.start(console, Map.of(), Duration.ofSeconds(40))) {
            assertTrue(sol.await("[SOL established]", Duration.ofSeconds(15)), sol.output());
            assertTrue(sol.await("POST: memory test", Duration.ofSeconds(15)), sol.output());
            assertTrue(sol.await("simhost login: ", Duration.ofSeconds(15)), sol.output());
            sol.type("admin\r");
            assertTrue(sol.await("login: admin", Duration.ofSeconds(10)), "echo: " + sol.output());
            sol.type("&.");
            assertEquals(0, sol.waitFor(Duration.ofSeconds(10)), sol.output());
        }
    }

    @Test
    void ourConsoleReadsTheBootLogAfterAPowerCycle() throws Exception {
        BmcTarget t = new BmcTarget("sim", fleet.address(2), SessionConfig.of("admin", Secret.of(PASSWORD, "test")));
        try (IpmiClient client = IpmiClient.create(); BmcSession s = client.open(t);
             SolConsole console = SolConsole.open(s, SolConsole.WhenActive.FAIL)) {
            s.send(Commands.CHASSIS_CONTROL, new ChassisControl(ChassisControl.POWER_CYCLE));
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[1024];
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!got.toString(StandardCharsets.ISO_8859_1).contains("login: ") && System.nanoTime() < deadline) {
                int n = console.read(buf, 200);
                got.write(buf, 0, Math.max(0, n));
            }
            String text = got.toString(StandardCharsets.ISO_8859_1);
            assertTrue(text.contains("POST: CPU") && text.endsWith("simhost login: "), text);
            assertEquals(1, text.split("Simulated BIOS", -1).length - 1, "one boot, printed once: " + text);
            console.write("root\r".getBytes(StandardCharsets.US_ASCII), 5000);
            deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!got.toString(StandardCharsets.ISO_8859_1).endsWith("login: root\r") && System.nanoTime() < deadline) {
                int n = console.read(buf, 200);
                got.write(buf, 0, Math.max(0, n));
            }
            assertTrue(got.toString(StandardCharsets.ISO_8859_1).endsWith("login: root\r"), "echo: " + got);
        }
    }
}
