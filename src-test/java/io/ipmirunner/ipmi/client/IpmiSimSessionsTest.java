package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.Peers;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.app.DeviceId;
import io.ipmirunner.ipmi.command.app.SessionMessages;
import io.ipmirunner.ipmi.crypto.Ipmi15AuthCode;
import io.ipmirunner.ipmi.session.IpmiVersion;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Secret;
import java.net.InetSocketAddress;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our client against OpenIPMI's ipmi_sim, an independent BMC implementation: every cipher suite ipmi_sim
 * supports at every privilege level, IPMI 1.5 auth types, and the failures an operator meets. A session
 * ipmi_sim accepts is the cross-check of the key derivation and integrity/confidentiality code.
 *
 * <p>ipmi_sim 2.0.33 does not enforce a user's privilege limit (an operator user gets an administrator
 * session, with ipmitool too), so the step-down on a refused role is tested in {@code RmcpPlusLoginTest}.
 */
@Tag("interop")
class IpmiSimSessionsTest {
    private static IpmiSim bmc;
    /**
     * Suite 11 (MD5-128 integrity) gets a BMC of its own: ipmi_sim 2.0.33 dies on the second IPMI 1.5 MD5
     * login after a suite 11 session (reproduced with FreeIPMI's bmc-info -I 11 then ipmitool -I lan twice).
     */
    private static IpmiSim suite11Bmc;
    private static IpmiClient client;

    @BeforeAll
    static void start() {
        Peers.require("ipmi_sim");
        bmc = IpmiSim.builder().build();
        suite11Bmc = IpmiSim.builder().build();
        client = IpmiClient.create(IpmiClient.Options.defaults()
                .withTiming(Timing.DEFAULT.withRetransmitMillis(300).withTimeoutMillis(4000)));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (bmc != null) {
            bmc.close();
        }
        if (suite11Bmc != null) {
            suite11Bmc.close();
        }
    }

    private static BmcTarget target(SessionConfig c) {
        IpmiSim b = c.cipherSuite().orElse(-1) == 11 ? suite11Bmc : bmc;
        return new BmcTarget("ipmi_sim", new InetSocketAddress(b.host(), b.port()), c);
    }

    private static SessionConfig login(String user, String password) {
        return SessionConfig.of(user, Secret.of(password, "test"));
    }

    static Stream<Arguments> suitesAndPrivileges() {
        return IpmiSim.SUPPORTED_CIPHER_SUITES.stream().sorted().flatMap(suite -> Stream.of(Privilege.USER,
                Privilege.OPERATOR, Privilege.ADMINISTRATOR).map(p -> Arguments.of(suite, p)));
    }

    @ParameterizedTest(name = "cipher suite {0} at {1}")
    @MethodSource("suitesAndPrivileges")
    void everySupportedSuiteAtEveryPrivilege(int suite, Privilege privilege) throws Exception {
        SessionConfig c = login(bmc.username(), bmc.password()).withCipherSuite(suite).withPrivilege(privilege)
                .withVersion(IpmiVersion.V20);
        try (BmcSession s = client.open(target(c))) {
            DeviceId id = s.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE);
            assertEquals(IpmiSim.FIRMWARE, id.firmware());
            assertEquals(IpmiSim.MANUFACTURER_ID, id.manufacturerId());
            assertEquals(IpmiSim.PRODUCT_ID, id.productId());
            var info = s.send(Commands.GET_SESSION_INFO, new SessionMessages.InfoRequest(0));
            assertEquals(privilege.code(), info.privilege(), "the BMC runs the session at the level asked for");
            assertEquals(SessionMessages.InfoResponse.PROTOCOL_RMCP_PLUS, info.protocol());
            assertEquals("IPMI v2.0 RMCP+ cipher suite " + suite, s.describe());
        }
    }

    @Test
    void defaultLoginSettlesOnSuite3WhenTheBmcRefuses17() throws Exception {
        long retransmitsBefore = client.stats().retransmits();
        try (BmcSession s = client.open(target(login(bmc.username(), bmc.password())))) {
            assertEquals(IpmiSim.PRODUCT_ID, s.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE).productId());
            assertEquals("IPMI v2.0 RMCP+ cipher suite 3", s.describe());
        }
        // ipmi_sim has no suite 17 and says so in its Open Session reply: no timeout on the way to 3.
        assertEquals(retransmitsBefore, client.stats().retransmits(), client.stats().toString());
    }

    @ParameterizedTest(name = "IPMI 1.5 {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {Ipmi15AuthCode.MD5, Ipmi15AuthCode.MD2,
            Ipmi15AuthCode.STRAIGHT})
    void ipmi15AuthTypes(int authType) throws Exception {
        SessionConfig c = login(bmc.username(), bmc.password()).withVersion(IpmiVersion.V15).withV15AuthType(authType);
        try (BmcSession s = client.open(target(c))) {
            assertEquals(IpmiSim.FIRMWARE, s.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE).firmware());
            assertTrue(s.describe().startsWith("IPMI v1.5"), s.describe());
            var info = s.send(Commands.GET_SESSION_INFO, new SessionMessages.InfoRequest(0));
            assertEquals(Privilege.ADMINISTRATOR.code(), info.privilege());
            assertEquals(SessionMessages.InfoResponse.PROTOCOL_V15, info.protocol());
        }
    }

    @Test
    void wrongPasswordOverRmcpPlus() {
        var e = assertFailure(login(bmc.username(), "wrongpass").withCipherSuite(3),
                IpmiException.AuthenticationFailed.class);
        assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
    }

    @Test
    void wrongPasswordOverIpmi15() {
        assertFailure(login(bmc.username(), "wrongpass").withVersion(IpmiVersion.V15),
                IpmiException.AuthenticationFailed.class);
    }

    @Test
    void wrongUser() {
        var e = assertFailure(login("nosuchuser", "whatever").withCipherSuite(3),
                IpmiException.AuthenticationFailed.class);
        assertTrue(e.getMessage().contains("unauthorized name"), e.getMessage());
    }

    @Test
    void suiteTheBmcRefusesIsAProtocolErrorNamingTheSuite() {
        var e = assertFailure(login(bmc.username(), bmc.password()).withCipherSuite(17),
                IpmiException.ProtocolError.class);
        assertTrue(e.getMessage().contains("cipher suite 17"), e.getMessage());
    }

    @Test
    void noSessionIsLeftOpenOnTheBmc() throws Exception {
        // Its own BMC: the wrong-password tests leave half-open sessions that ipmi_sim expires after 30 s.
        try (IpmiSim own = IpmiSim.builder().build()) {
            InetSocketAddress a = new InetSocketAddress(own.host(), own.port());
            for (SessionConfig c : new SessionConfig[] {login(own.username(), own.password()).withCipherSuite(3),
                    login(own.username(), own.password()).withVersion(IpmiVersion.V15),
                    login(own.username(), own.password()).withCipherSuite(1)}) {
                try (BmcSession s = client.open(new BmcTarget("own", a, c))) {
                    s.send(Commands.GET_CHASSIS_STATUS, WireMessage.Empty.INSTANCE);
                    s.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE);
                }
            }
            for (int i = 0; i < 50 && client.openSessionCount() > 0; i++) {
                Thread.sleep(50);
            }
            assertEquals(0, client.openSessionCount());
            assertEquals(0, own.sessionCount(), "every session was closed on the BMC");
        }
    }

    private static IpmiException assertFailure(SessionConfig c, Class<? extends IpmiException> type) {
        try (BmcSession s = client.open(target(c))) {
            IpmiException e = assertThrows(IpmiException.class,
                    () -> s.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE));
            return assertInstanceOf(type, e, e.getMessage());
        }
    }
}
