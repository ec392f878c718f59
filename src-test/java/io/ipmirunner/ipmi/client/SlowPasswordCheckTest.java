package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Latency;
import io.ipmirunner.sim.fleet.Addressing;
import io.ipmirunner.sim.fleet.FleetGroup;
import io.ipmirunner.sim.fleet.FleetHost;
import io.ipmirunner.sim.fleet.FleetPlanner;
import io.ipmirunner.sim.lan.LanServices;
import io.ipmirunner.sim.model.UserTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Adaptive timeouts must not cut short a BMC's password check: the fast Open Session reply teaches a 200 ms
 * timeout, which would retransmit (and restart the login at) every RAKP 1 answered after 600 ms, as an
 * OpenBMC with a slow PAM answers it. ipmi_sim cannot delay one step, so the embedded simulator does.
 */
class SlowPasswordCheckTest {
    private static final Secret PASSWORD = Secret.of("slowpam", "test");

    @Test
    void aSlowRakpIsWaitedForNotRetransmitted() throws Exception {
        var faults = FaultProfile.NONE.withRakpLatency(new Latency.Fixed(600));
        var group = new FleetGroup("pam", 1, "generic", BmcSettings.DEFAULTS, faults, 0);
        try (FleetHost bmc = FleetHost.start(FleetPlanner.plan(List.of(group), new Addressing.BasePort("127.0.0.1", 0),
                UserTable.standard("admin", PASSWORD), 5), LanServices.seeded(5), 5);
             IpmiClient c = IpmiClient.create()) {
            var t = new BmcTarget("pam", bmc.address(0), SessionConfig.of("admin", PASSWORD).withCipherSuite(3));
            for (int login = 0; login < 2; login++) {
                try (BmcSession s = c.open(t)) {
                    s.send(Commands.GET_CHASSIS_STATUS, WireMessage.Empty.INSTANCE);
                }
                while (c.openSessionCount() > 0) {
                    Thread.sleep(20); // the Close Session exchange, so the next open logs in afresh
                }
            }
            assertEquals(2, c.stats().sessionsOpened(), c.stats().toString());
            assertEquals(0, c.stats().retransmits(), c.stats().toString());
            assertEquals(0, c.stats().dropped(), "no stale replies from a restarted login: " + c.stats());
        }
    }
}
