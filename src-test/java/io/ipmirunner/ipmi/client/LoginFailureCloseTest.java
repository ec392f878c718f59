package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Quirk;
import io.ipmirunner.sim.fleet.Addressing;
import io.ipmirunner.sim.fleet.FleetGroup;
import io.ipmirunner.sim.fleet.FleetHost;
import io.ipmirunner.sim.fleet.FleetPlanner;
import io.ipmirunner.sim.lan.LanServices;
import io.ipmirunner.sim.model.UserTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A login that fails at Set Session Privilege Level leaves a session open on the BMC: the engine closes it.
 * Here cipher suite 0 (no AuthCode, so the checksums are checked) against replies with a wrong checksum:
 * the RAKP exchange completes, Set Session Privilege's reply is dropped, the login times out.
 */
class LoginFailureCloseTest {
    private static final Secret PASSWORD = Secret.of("closepass", "test");

    @Test
    void theSessionOpenedBeforeSetPrivilegeFailedIsClosed() throws Exception {
        // The event loop reports an exception a handler threw on stderr and carries on: watch for one.
        PrintStream err = System.err;
        var seen = new ByteArrayOutputStream();
        System.setErr(new PrintStream(seen, true, StandardCharsets.UTF_8));
        try {
            closeAfterSetPrivilegeFails();
        } finally {
            System.setErr(err);
        }
        String printed = seen.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("event loop:"), printed);
    }

    private static void closeAfterSetPrivilegeFails() throws Exception {
        var faults = FaultProfile.NONE.withQuirks(Set.of(Quirk.INSECURE_AUTH, Quirk.BAD_REPLY_CHECKSUM));
        var group = new FleetGroup("g", 1, "generic", BmcSettings.DEFAULTS, faults, 0);
        try (FleetHost bmc = FleetHost.start(FleetPlanner.plan(List.of(group), new Addressing.BasePort("127.0.0.1", 0),
                UserTable.standard("admin", PASSWORD), 7), LanServices.seeded(7), 7);
             IpmiClient c = IpmiClient.create(IpmiClient.Options.defaults()
                     .withTiming(Timing.DEFAULT.withTimeoutMillis(800)))) {
            var t = new BmcTarget("suite0", bmc.address(0), SessionConfig.of("admin", PASSWORD).withCipherSuite(0));
            IpmiException e = assertThrows(IpmiException.class, () -> c.open(t).send(
                    Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE));
            assertInstanceOf(IpmiException.Timeout.class, e, e.getMessage());
            assertEquals(Phase.SET_PRIVILEGE, e.phase(), e.getMessage());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (c.stats().sessionsClosed() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, c.stats().sessionsClosed(), "the half-open session was closed: " + c.stats());
        }
    }
}
