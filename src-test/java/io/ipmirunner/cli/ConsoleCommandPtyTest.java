package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.PtyClient;
import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.chassis.ChassisControl;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fleet.Addressing;
import io.ipmirunner.sim.fleet.FleetGroup;
import io.ipmirunner.sim.fleet.FleetHost;
import io.ipmirunner.sim.fleet.FleetPlanner;
import io.ipmirunner.sim.lan.LanServices;
import io.ipmirunner.sim.model.Personality;
import io.ipmirunner.sim.model.UserTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ipmi-runner console HOST} on a pseudo-terminal against a simulated BMC: the boot log after a reset
 * shows, typed keys reach the host (its echo comes back), ~. leaves with exit 0; with --watch keys are not sent.
 */
@Timeout(90)
class ConsoleCommandPtyTest {
    static final String HOST = "127.0.188.1";

    private static String command(Path pw, int port, String more) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return java + " -cp " + System.getProperty("java.class.path") + " io.ipmirunner.cli.Main console " + HOST
                + ":" + port + " -u admin --password-file " + pw + more;
    }

    private static void reset(FleetHost fleet, int i) throws Exception {
        BmcTarget t = new BmcTarget("sim", fleet.address(i), SessionConfig.of("admin", Secret.of("pty-Pw", "t")));
        try (IpmiClient c = IpmiClient.create(); BmcSession s = c.open(t)) {
            s.send(Commands.CHASSIS_CONTROL, new ChassisControl(ChassisControl.HARD_RESET));
        }
    }

    @Test
    void typingReachesTheHostAndTildeDotLeaves(@TempDir Path dir) throws Exception {
        var group = new FleetGroup("p", 2, Personality.GENERIC.key(), BmcSettings.DEFAULTS, FaultProfile.NONE, 0);
        var plans = FleetPlanner.plan(List.of(group), new Addressing.BasePort(HOST, 18500),
                UserTable.standard("admin", Secret.of("pty-Pw", "test")), 3);
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "pty-Pw\n");
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        try (FleetHost fleet = FleetHost.start(plans, LanServices.seeded(3), 3)) {
            try (PtyClient console = PtyClient.start(command(pw, fleet.address(0).getPort(), ""), Map.of(),
                    Duration.ofSeconds(40))) {
                assertTrue(console.await("SOL console; ~. leaves, ~B breaks]", Duration.ofSeconds(20)), console.output());
                reset(fleet, 0);
                assertTrue(console.await("simhost login: ", Duration.ofSeconds(15)), console.output());
                console.type("root\r");
                assertTrue(console.await("login: root", Duration.ofSeconds(10)), "echo: " + console.output());
                console.type("~.");
                assertEquals(0, console.waitFor(Duration.ofSeconds(15)), console.output());
                assertTrue(console.output().contains(": left]"), console.output());
                assertFalse(console.output().contains("ttyS0\r\r\n"), "the host's CR LF is not doubled");
            }
            try (PtyClient watch = PtyClient.start(command(pw, fleet.address(1).getPort(), " --watch"), Map.of(),
                    Duration.ofSeconds(40))) {
                assertTrue(watch.await("SOL console, watching", Duration.ofSeconds(20)), watch.output());
                reset(fleet, 1);
                assertTrue(watch.await("simhost login: ", Duration.ofSeconds(15)), watch.output());
                watch.type("root\r");
                Thread.sleep(1000);
                assertFalse(watch.output().contains("login: root"), "--watch sends nothing: " + watch.output());
                watch.type("~.");
                assertEquals(0, watch.waitFor(Duration.ofSeconds(15)), watch.output());
            }
        }
    }
}
