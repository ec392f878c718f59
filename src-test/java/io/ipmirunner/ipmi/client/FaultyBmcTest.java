package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
 * Engine behaviour on faults that ipmi_sim cannot produce on demand, using the embedded simulator's fault
 * injection: busy answers are retried (never a failure), and a BMC that stops answering mid-session fails
 * the command as a timeout, not as unreachable.
 */
class FaultyBmcTest {
    private static final Secret PASSWORD = Secret.of("faultpass", "test");

    private static FleetHost fleet(FaultProfile faults) {
        var group = new FleetGroup("g", 1, "generic", BmcSettings.DEFAULTS, faults, 0);
        return FleetHost.start(FleetPlanner.plan(List.of(group), new Addressing.BasePort("127.0.0.1", 0),
                UserTable.standard("admin", PASSWORD), 7), LanServices.seeded(7), 7);
    }

    private static IpmiClient client() {
        return IpmiClient.create(IpmiClient.Options.defaults()
                .withTiming(Timing.DEFAULT.withRetransmitMillis(100).withTimeoutMillis(3000)));
    }

    @Test
    void busyAnswersAreRetriedUntilTheCommandSucceeds() throws Exception {
        try (FleetHost bmc = fleet(FaultProfile.NONE.withBusyRate(0.3)); IpmiClient c = client()) {
            var t = new BmcTarget("busy", bmc.address(0), SessionConfig.of("admin", PASSWORD).withCipherSuite(3));
            try (BmcSession s = c.open(t)) {
                for (int i = 0; i < 20; i++) {
                    try {
                        s.send(Commands.GET_CHASSIS_STATUS, WireMessage.Empty.INSTANCE);
                    } catch (IpmiException e) {
                        throw new AssertionError("command " + i + ": " + e.getMessage() + "; " + c.stats(), e);
                    }
                }
            }
            assertTrue(c.stats().busyAnswers() > 0, c.stats().toString());
        }
    }

    @Test
    void aBmcThatStaysBusyFailsWithTheBusyCodeNotATimeout() throws Exception {
        try (FleetHost bmc = fleet(FaultProfile.NONE.withBusyRate(1.0)); IpmiClient c = client()) {
            var t = new BmcTarget("busy", bmc.address(0), SessionConfig.of("admin", PASSWORD).withCipherSuite(3));
            try (BmcSession s = c.open(t)) {
                IpmiException e = assertThrows(IpmiException.class,
                        () -> s.send(Commands.GET_CHASSIS_STATUS, WireMessage.Empty.INSTANCE));
                var cc = assertInstanceOf(IpmiException.CompletionCodeError.class, e, e.getMessage());
                assertTrue(cc.code().isTransient(), e.getMessage());
            }
        }
    }

    @Test
    void aBmcThatDiesMidSessionIsATimeoutNamingTheCommandPhase() throws Exception {
        FleetHost bmc = fleet(FaultProfile.NONE);
        try (IpmiClient c = client()) {
            var t = new BmcTarget("dying", bmc.address(0), SessionConfig.of("admin", PASSWORD).withCipherSuite(3));
            try (BmcSession s = c.open(t)) {
                s.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE);
                bmc.close();
                IpmiException e = assertThrows(IpmiException.class,
                        () -> s.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE));
                assertInstanceOf(IpmiException.Timeout.class, e, e.getMessage());
                // When it fails is asserted on fake time (SessionFakeClockTest): at its 3 s deadline, exactly.
                assertTrue(e.getMessage().contains("timeout in command after 3"), e.getMessage());
            }
        } finally {
            bmc.close();
        }
    }
}
