package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.IpmiException;
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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 22's "timeout in Open Session after 20001 ms (41 attempts)" on a reused simulator: every session slot
 * of the BMC was held by sessions left open (by earlier runs), the BMC answered each Open Session with
 * "insufficient resources", the login retried every 500 ms until its deadline and then reported a timeout, as
 * if the BMC had been silent. Reproduced here with one slot held by another client.
 */
class SessionSlotsTakenTest {
    private static final Secret PASSWORD = Secret.of("slotspass", "test");
    private static final long TIMEOUT_MILLIS = 2000;

    @Test
    void aBmcWithEverySlotTakenIsReportedAsSuchNotAsSilent() throws IpmiException {
        var group = new FleetGroup("g", 1, "generic", BmcSettings.DEFAULTS.withSessionLimit(1), FaultProfile.NONE, 0);
        Timing timing = Timing.DEFAULT.withTimeoutMillis(TIMEOUT_MILLIS);
        try (FleetHost bmc = FleetHost.start(FleetPlanner.plan(List.of(group), new Addressing.BasePort("127.0.0.1", 0),
                UserTable.standard("admin", PASSWORD), 3), LanServices.seeded(3), 3);
             IpmiClient holder = IpmiClient.create(IpmiClient.Options.defaults().withTiming(timing));
             IpmiClient late = IpmiClient.create(IpmiClient.Options.defaults().withTiming(timing))) {
            var target = new BmcTarget("bmc", bmc.address(0), SessionConfig.of("admin", PASSWORD).withCipherSuite(3));
            try (BmcSession held = holder.open(target)) {
                held.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE);
                IpmiException e;
                try (BmcSession s = late.open(target)) {
                    e = assertThrows(IpmiException.class, () -> s.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE));
                }
                assertInstanceOf(IpmiException.ProtocolError.class, e, e.getMessage());
                assertTrue(e.getMessage().contains("insufficient resources"), e.getMessage());
                assertTrue(e.getMessage().contains("session slot"), e.getMessage());
            }
            // The slot freed by a Close Session is taken at once.
            try (BmcSession s = late.open(target)) {
                assertNotNull(s.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE));
            }
        }
    }
}
