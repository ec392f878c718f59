package io.ipmirunner.sim.cmd;

import static io.ipmirunner.sim.SimHarness.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.command.CommandSpec;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.app.UserAccess;
import io.ipmirunner.ipmi.command.app.UserSetup;
import io.ipmirunner.ipmi.command.transport.LanConfig;
import io.ipmirunner.ipmi.session.ActiveSession;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.SimHarness;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.lan.LanEndpoint;
import org.junit.jupiter.api.Test;

/** The simulator's user and LAN-set handlers: completion codes the spec gives for the edge cases. */
class UserLanHandlersTest {
    private final LanEndpoint bmc = SimHarness.endpoint(SimHarness.profile(BmcSettings.DEFAULTS, FaultProfile.NONE), T0);
    private final ActiveSession s = SimHarness.session(bmc, SimHarness.admin().withCipherSuite(17), T0);

    private <Q extends WireMessage> int code(CommandSpec<Q, ?> spec, Q request) {
        return SimHarness.call(bmc, s, spec, request, T0).orElseThrow().completionCode().code();
    }

    @Test
    void passwordTestSaysMismatchAndWrongSize() {
        Secret twenty = Secret.of("twenty-byte-password", "t");
        assertEquals(0, code(Commands.SET_USER_PASSWORD, new UserSetup.SetPassword(5,
                UserSetup.Operation.SET_PASSWORD, true, twenty)));
        assertEquals(0, code(Commands.SET_USER_PASSWORD, new UserSetup.SetPassword(5,
                UserSetup.Operation.TEST_PASSWORD, true, twenty)));
        assertEquals(UserSetup.CC_WRONG_PASSWORD_SIZE, code(Commands.SET_USER_PASSWORD, new UserSetup.SetPassword(5,
                UserSetup.Operation.TEST_PASSWORD, false, Secret.of("twenty-byte-pass", "t"))));
        assertEquals(UserSetup.CC_PASSWORD_MISMATCH, code(Commands.SET_USER_PASSWORD, new UserSetup.SetPassword(5,
                UserSetup.Operation.TEST_PASSWORD, true, Secret.of("another", "t"))));
    }

    @Test
    void accessKeepsPrivilegeAndMessagingApartAndNewSlotsStartWithout() {
        var fresh = SimHarness.ok(bmc, s, Commands.GET_USER_ACCESS, new UserAccess.Request(1, 7), T0);
        assertEquals(UserAccess.NO_ACCESS, fresh.privilegeLimit());
        assertFalse(fresh.messaging());
        assertEquals(2, fresh.enableStatus(), "disabled");
        assertEquals(0, code(Commands.SET_USER_ACCESS, new UserSetup.SetAccess(1, false, false, false, false, 7, 2)));
        var limitOnly = SimHarness.ok(bmc, s, Commands.GET_USER_ACCESS, new UserAccess.Request(1, 7), T0);
        assertEquals(2, limitOnly.privilegeLimit());
        assertFalse(limitOnly.messaging(), "bits 6:4 apply only with bit 7");
        assertEquals(0, code(Commands.SET_USER_ACCESS, new UserSetup.SetAccess(1, true, false, false, true, 7, 2)));
        assertTrue(SimHarness.ok(bmc, s, Commands.GET_USER_ACCESS, new UserAccess.Request(1, 7), T0).messaging());
        assertEquals(0xCC, code(Commands.SET_USER_NAME, new UserSetup.SetName(1, "anon")), "user 1's name is fixed");
        assertEquals(0xCC, code(Commands.SET_USER_ACCESS, new UserSetup.SetAccess(1, true, false, false, true, 11, 2)));
    }

    @Test
    void lanSetHandshakeAndReadOnlyParameters() {
        assertEquals(0, code(Commands.SET_LAN_CONFIG, new LanConfig.SetRequest(1, LanConfig.SET_IN_PROGRESS,
                new byte[] {1})));
        assertEquals(LanConfig.CC_SET_IN_PROGRESS, code(Commands.SET_LAN_CONFIG, new LanConfig.SetRequest(1,
                LanConfig.SET_IN_PROGRESS, new byte[] {1})));
        assertEquals(0, code(Commands.SET_LAN_CONFIG, new LanConfig.SetRequest(1, LanConfig.IP_ADDRESS,
                new byte[] {10, 0, 0, 9})));
        assertEquals(0, code(Commands.SET_LAN_CONFIG, new LanConfig.SetRequest(1, LanConfig.SET_IN_PROGRESS,
                new byte[] {0})));
        var ip = SimHarness.ok(bmc, s, Commands.GET_LAN_CONFIG, new LanConfig.GetRequest(1, false,
                LanConfig.IP_ADDRESS, 0, 0), T0);
        assertArrayEquals(new byte[] {10, 0, 0, 9}, ip.data());
        assertEquals(LanConfig.CC_READ_ONLY, code(Commands.SET_LAN_CONFIG, new LanConfig.SetRequest(1,
                LanConfig.CIPHER_SUITE_ENTRIES, new byte[] {0, 3})));
        assertEquals(LanConfig.CC_PARAMETER_NOT_SUPPORTED, code(Commands.SET_LAN_CONFIG, new LanConfig.SetRequest(1,
                99, new byte[] {0})));
        assertEquals(0xC7, code(Commands.SET_LAN_CONFIG, new LanConfig.SetRequest(1, LanConfig.IP_ADDRESS,
                new byte[] {10, 0})));
    }
}
