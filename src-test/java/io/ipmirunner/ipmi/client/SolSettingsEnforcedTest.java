package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.command.Privilege;
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
import io.ipmirunner.sim.model.SolSettings;
import io.ipmirunner.sim.model.UserTable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The simulator's SOL settings (§26.3) are what its Activate Payload does, each refusal with the completion code
 * of §24.1 and the console's sentence for it: disabled (0x81), encryption forced and a cipher suite without it
 * (0x84), a session below the SOL privilege (0xD4). The settings the console meets by default open.
 */
@Timeout(60)
class SolSettingsEnforcedTest {
    private static final Secret PASSWORD = Secret.of("sol-Set1", "test");

    private static IpmiException refused(FleetHost fleet, SolSettings settings, SessionConfig login) {
        fleet.inspect(0, b -> {
            b.lan().sol(settings);
            return null;
        });
        try (IpmiClient client = IpmiClient.create(IpmiClient.Options.defaults());
             BmcSession s = client.open(new BmcTarget("sim", fleet.address(0), login))) {
            return assertThrows(IpmiException.class, () -> SolConsole.open(s, SolConsole.WhenActive.FAIL).close());
        }
    }

    @Test
    void activationFollowsTheSettings() throws Exception {
        var group = new FleetGroup("s", 1, Personality.GENERIC.key(), BmcSettings.DEFAULTS, FaultProfile.NONE, 0);
        var plans = FleetPlanner.plan(List.of(group), new Addressing.BasePort("127.62.3.1", 18700),
                UserTable.standard("admin", PASSWORD), 5);
        try (FleetHost fleet = FleetHost.start(plans, LanServices.seeded(5), 5)) {
            SessionConfig admin = SessionConfig.of("admin", PASSWORD);
            try (IpmiClient client = IpmiClient.create(IpmiClient.Options.defaults());
                 BmcSession s = client.open(new BmcTarget("sim", fleet.address(0), admin));
                 SolConsole console = SolConsole.open(s, SolConsole.WhenActive.FAIL)) {
                assertTrue(console.ended().isEmpty(), "the defaults open");
            }
            IpmiException off = refused(fleet, new SolSettings(false, true, true, Privilege.USER), admin);
            assertTrue(off.getMessage().contains("SOL is disabled on this BMC"), off.getMessage());
            IpmiException clear = refused(fleet, SolSettings.DEFAULT, admin.withCipherSuite(2));
            assertTrue(clear.getMessage().contains("SOL must be encrypted; use a cipher suite with AES"),
                    clear.getMessage());
            IpmiException low = refused(fleet, SolSettings.DEFAULT, admin.withPrivilege(Privilege.OPERATOR));
            assertTrue(low.getMessage().contains("Activate Payload (SOL needs a higher privilege than this session's"),
                    low.getMessage());
            fleet.inspect(0, b -> {
                b.lan().sol(new SolSettings(true, false, false, Privilege.OPERATOR));
                return null;
            });
            try (IpmiClient client = IpmiClient.create(IpmiClient.Options.defaults());
                 BmcSession s = client.open(new BmcTarget("sim", fleet.address(0),
                         admin.withCipherSuite(2).withPrivilege(Privilege.OPERATOR)));
                 SolConsole console = SolConsole.open(s, SolConsole.WhenActive.FAIL)) {
                assertTrue(console.ended().isEmpty(), "weaker settings let it in");
            }
        }
    }
}
