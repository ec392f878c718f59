package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
 * Two inventory hosts may name the same BMC and user (an alias, a host listed in two places with its own
 * ipmi_password). A session is shared only between operations that would log in identically: a host with
 * the wrong password must fail its own login, not ride on the session another host's right password opened.
 */
class SessionSharingTest {
    private static final Secret RIGHT = Secret.of("sharedpass", "test");
    private static final Secret WRONG = Secret.of("wrongpass", "test");

    @Test
    void aHostWithTheWrongPasswordDoesNotRideOnAnotherHostsSession() throws IpmiException {
        var group = new FleetGroup("g", 1, "generic", BmcSettings.DEFAULTS, FaultProfile.NONE, 0);
        Timing timing = Timing.DEFAULT.withTimeoutMillis(2000);
        try (FleetHost bmc = FleetHost.start(FleetPlanner.plan(List.of(group), new Addressing.BasePort("127.0.0.1", 0),
                UserTable.standard("admin", RIGHT), 5), LanServices.seeded(5), 5);
             IpmiClient client = IpmiClient.create(IpmiClient.Options.defaults().withTiming(timing))) {
            var right = new BmcTarget("a", bmc.address(0), SessionConfig.of("admin", RIGHT).withCipherSuite(3));
            var wrong = new BmcTarget("b", bmc.address(0), SessionConfig.of("admin", WRONG).withCipherSuite(3));
            try (BmcSession s = client.open(right)) {
                assertNotNull(s.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE));
                try (BmcSession other = client.open(wrong)) {
                    IpmiException e = assertThrows(IpmiException.class,
                            () -> other.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE));
                    assertInstanceOf(IpmiException.AuthenticationFailed.class, e, e.getMessage());
                }
            }
        }
    }
}
