package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.chassis.ChassisControl;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.SimulatedBmc;
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
 * A BMC that restarts under an open session (the embedded simulator's Cold Reset: silent for a while, then
 * without the session, dropping its messages as ipmi_sim does) is logged into again: a read goes out once
 * more in the new session, a write never does, and the handle goes on working for what comes next.
 */
class SessionLossTest {
    private static final Secret PASSWORD = Secret.of("losspass", "test");
    private static final long RESET_SILENCE_MILLIS = 300;

    private static FleetHost fleet() {
        BmcSettings d = BmcSettings.DEFAULTS;
        var settings = new BmcSettings(d.sessionLimit(), d.sessionTimeoutMillis(), d.cipherSuites(), d.v15AuthTypes(),
                d.powerOnDelayMillis(), d.softOffDelayMillis(), RESET_SILENCE_MILLIS, true);
        var group = new FleetGroup("g", 1, "generic", settings, FaultProfile.NONE, 0);
        return FleetHost.start(FleetPlanner.plan(List.of(group), new Addressing.BasePort("127.0.0.1", 0),
                UserTable.standard("admin", PASSWORD), 7), LanServices.seeded(7), 7);
    }

    private static IpmiClient client() {
        return IpmiClient.create(IpmiClient.Options.defaults()
                .withTiming(Timing.DEFAULT.withRetransmitMillis(100).withTimeoutMillis(3000)));
    }

    /** Opens a session that has answered a command, then restarts the BMC under it. */
    private static BmcSession openThenRestart(FleetHost bmc, IpmiClient c) throws Exception {
        var t = new BmcTarget("restarts", bmc.address(0), SessionConfig.of("admin", PASSWORD).withCipherSuite(3));
        BmcSession s = c.open(t);
        s.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE);
        bmc.inspect(0, b -> {
            b.coldReset(System.currentTimeMillis());
            return null;
        });
        return s;
    }

    @Test
    void aReadUnansweredAfterARestartIsSentOnceMoreInAFreshSession() throws Exception {
        try (FleetHost bmc = fleet(); IpmiClient c = client()) {
            try (BmcSession s = openThenRestart(bmc, c)) {
                s.send(Commands.GET_CHASSIS_STATUS, WireMessage.Empty.INSTANCE);
                assertEquals(2, c.stats().sessionsOpened(), c.stats().toString());
                s.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE);
                assertEquals(2, c.stats().sessionsOpened(), "later commands use the new session: " + c.stats());
            }
        }
    }

    @Test
    void aWriteUnansweredAfterARestartIsNotSentAgainAndTheNextCommandLogsIn() throws Exception {
        try (FleetHost bmc = fleet(); IpmiClient c = client()) {
            try (BmcSession s = openThenRestart(bmc, c)) {
                IpmiException e = assertThrows(IpmiException.class, () -> s.send(Commands.CHASSIS_CONTROL,
                        new ChassisControl(ChassisControl.POWER_DOWN)));
                assertInstanceOf(IpmiException.Timeout.class, e, e.getMessage());
                assertTrue(e.getMessage().contains("lost the session") && e.getMessage().contains("not sent again"),
                        e.getMessage());
                assertTrue(bmc.inspect(0, SimulatedBmc::poweredOn), "the power-down never reached the BMC");
                s.send(Commands.GET_CHASSIS_STATUS, WireMessage.Empty.INSTANCE);
                assertEquals(2, c.stats().sessionsOpened(), c.stats().toString());
                assertTrue(bmc.inspect(0, SimulatedBmc::poweredOn), "nor did it go out in the new session");
            }
        }
    }
}
