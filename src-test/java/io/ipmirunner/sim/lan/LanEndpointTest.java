package io.ipmirunner.sim.lan;

import static io.ipmirunner.sim.SimHarness.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.command.WireMessage.Empty;
import io.ipmirunner.ipmi.command.chassis.ChassisControl;
import io.ipmirunner.ipmi.crypto.Ipmi15AuthCode;
import io.ipmirunner.ipmi.session.ActiveSession;
import io.ipmirunner.ipmi.session.IpmiVersion;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.ipmi.session.Step;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.SimHarness;
import io.ipmirunner.sim.fault.FaultProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The LAN side end to end with the project's own client state machines: logins, privileges, failures. */
class LanEndpointTest {
    private final LanEndpoint bmc = SimHarness.endpoint(SimHarness.profile(BmcSettings.DEFAULTS, FaultProfile.NONE), T0);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 17})
    void rmcpPlusLoginWorksWithEveryOfferedSuite(int suite) {
        ActiveSession s = SimHarness.session(bmc, SimHarness.admin().withCipherSuite(suite), T0);
        assertEquals(Privilege.ADMINISTRATOR, s.privilege());
        var id = SimHarness.ok(bmc, s, Commands.GET_DEVICE_ID, Empty.INSTANCE, T0);
        assertEquals(674, id.manufacturerId());
    }

    @ParameterizedTest
    @ValueSource(ints = {Ipmi15AuthCode.MD5, Ipmi15AuthCode.STRAIGHT, Ipmi15AuthCode.MD2})
    void v15LoginWorksWithEachAuthType(int authType) {
        SessionConfig c = SimHarness.admin().withVersion(IpmiVersion.V15).withV15AuthType(authType);
        ActiveSession s = SimHarness.session(bmc, c, T0);
        var status = SimHarness.ok(bmc, s, Commands.GET_CHASSIS_STATUS, Empty.INSTANCE, T0);
        assertTrue(status.powerOn());
    }

    @Test
    void wrongPasswordFailsRakp2() {
        Step s = SimHarness.login(bmc, SessionConfig.of("admin", Secret.of("nope", "t")), T0);
        var f = assertInstanceOf(Step.Failed.class, s);
        assertInstanceOf(IpmiException.AuthenticationFailed.class, f.failure());
    }

    @Test
    void unknownUserIsRefusedWithUnauthorizedName() {
        Step s = SimHarness.login(bmc, SessionConfig.of("mallory", SimHarness.PASSWORD).withCipherSuite(3), T0);
        var f = assertInstanceOf(Step.Failed.class, s);
        assertTrue(f.failure().getMessage().contains("0x0d"), f.failure().getMessage());
    }

    @Test
    void userAccountCannotControlPower() {
        SessionConfig c = SessionConfig.of("user", SimHarness.PASSWORD).withPrivilege(Privilege.USER);
        ActiveSession s = SimHarness.session(bmc, c, T0);
        var r = SimHarness.call(bmc, s, Commands.CHASSIS_CONTROL, new ChassisControl(0), T0).orElseThrow();
        assertEquals(0xD4, r.completionCode().code());
    }

    @Test
    void unsupportedSuiteIsRefused() {
        LanEndpoint only3 = SimHarness.endpoint(SimHarness.profile(BmcSettings.DEFAULTS.withCipherSuites(
                java.util.List.of(3)), FaultProfile.NONE), T0);
        Step s = SimHarness.login(only3, SimHarness.admin().withCipherSuite(17), T0);
        var f = assertInstanceOf(Step.Failed.class, s);
        assertTrue(f.failure().getMessage().contains("0x11"), f.failure().getMessage());
    }
}
