package io.ipmirunner.ipmi.command.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.ipmirunner.ipmi.wire.MalformedPacketException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** LAN parameter contents (IPMI v2.0 Table 23-4), with bytes ipmi_sim sent, and a fuzz of every reader. */
class LanParametersTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void readsWhatIpmiSimSent() throws Exception {
        assertEquals("static", LanParameters.ipSource(hex("01")));
        assertEquals("dhcp", LanParameters.ipSource(hex("02")));
        assertEquals("0xf", LanParameters.ipSource(hex("0f")));
        assertEquals("10.41.0.5", LanParameters.ipv4(hex("0a290005"), "ip"));
        assertEquals("02:00:01:00:00:0a", LanParameters.mac(hex("02000100000a")));
        assertEquals(new LanParameters.Vlan(true, 0x123), LanParameters.vlan(hex("2381")));
        assertEquals(new LanParameters.Vlan(false, 0), LanParameters.vlan(hex("0000")));
        // ipmi_sim: auth type enables 14 14 14 14 00 = MD5 and straight password at every level, none for OEM.
        Map<String, List<String>> auth = LanParameters.authTypeEnables(hex("1414141400"));
        assertEquals(List.of("md5", "password"), auth.get("admin"));
        assertEquals(List.of(), auth.get("oem"));
        assertEquals(List.of("none", "md2", "md5", "password", "oem"), LanParameters.authTypes(0x37));
        // ipmi_sim: 15 entries (parameter 22 = 0x0f), 16 ids sent, reserved byte 1 of parameter 24 = 0x44.
        assertEquals(15, LanParameters.cipherSuiteCount(hex("0f")));
        assertEquals(List.of(1, 2, 3), LanParameters.cipherSuiteEntries(hex("00 010203 04"), 3));
        assertEquals(List.of("administrator", "operator", "unused"),
                LanParameters.cipherSuitePrivileges(hex("44 34 00"), 3));
    }

    @Test
    void shortParametersAreTypedErrors() {
        assertThrows(MalformedPacketException.class, () -> LanParameters.ipv4(hex("0a29"), "ip"));
        assertThrows(MalformedPacketException.class, () -> LanParameters.mac(hex("0200")));
        assertThrows(MalformedPacketException.class, () -> LanParameters.cipherSuiteEntries(hex("00 01"), 3));
        assertThrows(MalformedPacketException.class, () -> LanParameters.authTypeEnables(hex("14")));
        assertThrows(IllegalArgumentException.class, () -> LanParameters.parseIpv4("10.1.2.256"));
        assertThrows(IllegalArgumentException.class, () -> LanParameters.parseIpv4("10.1.2"));
        assertThrows(IllegalArgumentException.class, () -> LanParameters.parseIpv4("a.b.c.d"));
    }

    /** Random and truncated parameter data: a value or a MalformedPacketException, nothing else. */
    @Test
    void fuzz() {
        Random rnd = new Random(0x41);
        for (int round = 0; round < 50_000; round++) {
            byte[] d = new byte[rnd.nextInt(24)];
            rnd.nextBytes(d);
            int count = rnd.nextInt(32);
            try {
                switch (round % 7) {
                    case 0 -> LanParameters.ipSource(d);
                    case 1 -> LanParameters.ipv4(d, "ip");
                    case 2 -> LanParameters.mac(d);
                    case 3 -> LanParameters.vlan(d);
                    case 4 -> LanParameters.authTypeEnables(d);
                    case 5 -> LanParameters.cipherSuiteEntries(d, count);
                    default -> LanParameters.cipherSuitePrivileges(d, count);
                }
            } catch (MalformedPacketException expected) {
                // the only failure allowed
            } catch (RuntimeException e) {
                fail("round " + round + " (" + HexFormat.of().formatHex(d) + ", count " + count + "): " + e);
            }
        }
    }
}
