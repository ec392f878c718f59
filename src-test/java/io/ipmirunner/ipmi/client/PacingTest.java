package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fleet.Addressing;
import io.ipmirunner.sim.fleet.FleetGroup;
import io.ipmirunner.sim.fleet.FleetHost;
import io.ipmirunner.sim.fleet.FleetPlanner;
import io.ipmirunner.sim.lan.LanServices;
import io.ipmirunner.sim.model.UserTable;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ipmi_min_command_interval}: commands to one BMC go out no closer together than the interval. */
class PacingTest {
    private static final Secret PASSWORD = Secret.of("pacepass", "test");

    @Test
    void theIntervalIsCountedFromOneCommandToTheNext() {
        var p = new Pacing(Duration.ofMillis(200));
        assertEquals(0, p.waitMillis(0), "the first command goes at once");
        p.sent(1_000_000_000L);
        assertEquals(150, p.waitMillis(1_050_000_000L));
        assertEquals(1, p.waitMillis(1_199_999_999L), "a part of a millisecond still waits");
        assertEquals(0, p.waitMillis(1_200_000_000L));
        assertEquals(0, new Pacing(Duration.ZERO).waitMillis(5), "no interval, no wait");
    }

    @Test
    void fourCommandsToAPacedBmcTakeAtLeastThreeIntervals() throws Exception {
        var group = new FleetGroup("g", 1, "generic", BmcSettings.DEFAULTS, FaultProfile.NONE, 0);
        try (FleetHost bmc = FleetHost.start(FleetPlanner.plan(List.of(group), new Addressing.BasePort("127.0.0.1", 0),
                UserTable.standard("admin", PASSWORD), 7), LanServices.seeded(7), 7);
             IpmiClient c = IpmiClient.create(IpmiClient.Options.defaults())) {
            var t = new BmcTarget("fragile", bmc.address(0), SessionConfig.of("admin", PASSWORD).withCipherSuite(3))
                    .withMinCommandInterval(Duration.ofMillis(150));
            try (BmcSession s = c.open(t)) {
                s.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE); // logs in; the pacing starts here
                long start = System.nanoTime();
                for (int i = 0; i < 3; i++) {
                    s.send(Commands.GET_CHASSIS_STATUS, WireMessage.Empty.INSTANCE);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                // A lower bound only (unpaced, three round trips on loopback take a few milliseconds): the first
                // waits what is left of the interval since Get Device ID went out, the other two a whole one.
                assertTrue(millis >= 2 * 150, "three paced commands after the first took " + millis + " ms");
            }
        }
    }
}
