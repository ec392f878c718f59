package io.ipmirunner.ipmi.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.command.app.ChannelCipherSuites;
import io.ipmirunner.ipmi.command.app.UserSetup;
import io.ipmirunner.ipmi.command.transport.LanConfig;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.secret.Secret;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes (IPMI v2.0 Tables 22-32, 22-34, 22-36, 23-2, 22-18) and a request round trip through the
 * command table for each user and LAN command, with the bytes ipmitool sends for the same operation.
 */
class UsersLanCommandsTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static <Q extends WireMessage> Q roundTrip(CommandSpec<Q, ?> spec, Q q, String golden)
            throws MalformedPacketException {
        assertArrayEquals(hex(golden), q.toBytes(), spec.name());
        Q back = spec.decodeRequest(q.toBytes());
        assertArrayEquals(q.toBytes(), back.toBytes(), spec.name() + " round trip");
        return back;
    }

    @Test
    void setUserAccessAsIpmitoolChannelSetaccessSendsIt() throws Exception {
        // ipmitool channel setaccess 1 5 privilege=3 ipmi=on: 0x90|1, user 5, operator.
        var q = roundTrip(Commands.SET_USER_ACCESS, new UserSetup.SetAccess(1, true, false, false, true, 5, 3),
                "91 05 03");
        assertEquals(new UserSetup.SetAccess(1, true, false, false, true, 5, 3), q);
        assertEquals(new UserSetup.SetAccess(1, false, false, false, false, 5, 0x0F),
                Commands.SET_USER_ACCESS.decodeRequest(hex("01 05 0f 00")), "the optional session limit byte");
        assertEquals(0x43, Commands.SET_USER_ACCESS.cmd());
    }

    @Test
    void setUserNamePadsTo16Bytes() throws Exception {
        var q = roundTrip(Commands.SET_USER_NAME, new UserSetup.SetName(6, "dave"),
                "06 64617665 000000000000000000000000");
        assertEquals("dave", q.name());
        assertEquals(0x45, Commands.SET_USER_NAME.cmd());
        assertThrows(MalformedPacketException.class, () -> Commands.SET_USER_NAME.decodeRequest(hex("06 6461")));
    }

    @Test
    void setUserPasswordInBothSizesAndTheFourOperations() throws Exception {
        Secret pw = Secret.of("abc", "test");
        var set16 = roundTrip(Commands.SET_USER_PASSWORD,
                new UserSetup.SetPassword(5, UserSetup.Operation.SET_PASSWORD, false, pw),
                "05 02 616263 00000000000000000000000000");
        assertTrue(set16.password().matches("abc".getBytes()));
        var test20 = roundTrip(Commands.SET_USER_PASSWORD,
                new UserSetup.SetPassword(5, UserSetup.Operation.TEST_PASSWORD, true, pw),
                "85 03 616263 0000000000000000000000000000000000");
        assertTrue(test20.twentyBytes());
        roundTrip(Commands.SET_USER_PASSWORD, UserSetup.SetPassword.of(5, UserSetup.Operation.ENABLE_USER), "05 01");
        roundTrip(Commands.SET_USER_PASSWORD, UserSetup.SetPassword.of(5, UserSetup.Operation.DISABLE_USER), "05 00");
        assertFalse(set16.toString().contains("abc"), "the request prints masked: " + set16);
        assertThrows(IllegalArgumentException.class, () -> new UserSetup.SetPassword(5,
                UserSetup.Operation.SET_PASSWORD, false, Secret.of("seventeen-bytes!!", "t")));
        assertThrows(MalformedPacketException.class, () -> Commands.SET_USER_PASSWORD.decodeRequest(hex("85 02 61")));
    }

    @Test
    void setLanConfigurationParameters() throws Exception {
        // ipmitool lan set 1 ipaddr 10.1.2.3
        var q = roundTrip(Commands.SET_LAN_CONFIG, new LanConfig.SetRequest(1, LanConfig.IP_ADDRESS,
                new byte[] {10, 1, 2, 3}), "01 03 0a010203");
        assertArrayEquals(new byte[] {10, 1, 2, 3}, q.data());
        assertEquals(NetFn.TRANSPORT, Commands.SET_LAN_CONFIG.netFn());
        assertEquals(0x01, Commands.SET_LAN_CONFIG.cmd());
    }

    @Test
    void cipherSuiteRequestKeepsTheListBySuiteBit() throws Exception {
        var bySuite = roundTrip(Commands.GET_CHANNEL_CIPHER_SUITES, new ChannelCipherSuites.Request(1, 0, 2), "01 00 82");
        assertTrue(bySuite.bySuite());
        var algorithms = Commands.GET_CHANNEL_CIPHER_SUITES.decodeRequest(hex("0e 00 00"));
        assertFalse(algorithms.bySuite());
        assertArrayEquals(hex("0e 00 00"), algorithms.toBytes());
    }

    /**
     * The simulator decodes these requests from any client, the client decodes cipher suite pages from any
     * BMC: random and cut bytes give a value or a MalformedPacketException, never another exception.
     */
    @Test
    void fuzzTheNewDecoders() {
        java.util.Random rnd = new java.util.Random(0x4141);
        var specs = java.util.List.of(Commands.SET_USER_ACCESS, Commands.SET_USER_NAME, Commands.SET_USER_PASSWORD,
                Commands.SET_LAN_CONFIG, Commands.GET_CHANNEL_CIPHER_SUITES, Commands.GET_USER_ACCESS,
                Commands.GET_LAN_CONFIG);
        for (int round = 0; round < 50_000; round++) {
            byte[] d = new byte[rnd.nextInt(40)];
            rnd.nextBytes(d);
            var spec = specs.get(round % specs.size());
            try {
                spec.decodeRequest(d);
                spec.decodeResponse(d);
            } catch (MalformedPacketException expected) {
                // the only failure allowed
            }
            ChannelCipherSuites.parse(d);
        }
    }

    @Test
    void everyNewSpecIsInTheTableWithAdministratorPrivilege() {
        for (var spec : java.util.List.of(Commands.SET_USER_ACCESS, Commands.SET_USER_NAME,
                Commands.SET_USER_PASSWORD, Commands.SET_LAN_CONFIG)) {
            assertTrue(Commands.all().contains(spec), spec.toString());
            assertEquals(Privilege.ADMINISTRATOR, spec.minPrivilege());
        }
    }
}
