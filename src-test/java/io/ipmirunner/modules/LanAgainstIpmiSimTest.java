package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.IpmiSimPeer;
import io.ipmirunner.interop.IpmitoolOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** lan and channel_security against ipmi_sim; ipmitool's lan print, channel getciphers and -vv login are witnesses. */
@Tag("interop")
class LanAgainstIpmiSimTest {
    @RegisterExtension
    static final IpmiSimPeer PEER = new IpmiSimPeer(() -> IpmiSim.builder().address("127.41.0.3").build());

    @Test
    @SuppressWarnings("unchecked")
    void setWithHandshakeThenGetEqualsIpmitoolLanPrint() throws Exception {
        Map<String, String> set = Map.of("source", "static", "address", "10.41.0.5", "netmask", "255.255.255.0",
                "gateway", "10.41.0.1");
        ModuleResult r = IpmiSimModules.run(PEER, new LanModule(), set);
        assertTrue(r.changed());
        assertEquals(true, r.result().get("verified"), String.valueOf(r.result()));
        assertEquals(List.of("source", "address", "netmask", "gateway"), r.result().get("changes"));
        assertFalse(IpmiSimModules.run(PEER, new LanModule(), set).changed(), "second run: all kept");

        Map<String, Object> lan = IpmiSimModules.run(PEER, new LanModule(), Map.of()).result();
        Map<String, String> it = IpmiSimModules.keyValues(PEER.bmc().ipmitool("lan", "print", "1").stdout());
        assertEquals(it.get("IP Address Source"), Map.of("static", "Static Address", "dhcp", "DHCP Address",
                "unspecified", "Unspecified").get(lan.get("ip_source")));
        assertEquals(it.get("IP Address"), lan.get("address"));
        assertEquals(it.get("Subnet Mask"), lan.get("netmask"));
        assertEquals(it.get("Default Gateway IP"), lan.get("gateway"));
        assertEquals(it.get("MAC Address"), lan.get("mac"));
        Map<String, Object> vlan = (Map<String, Object>) lan.get("vlan");
        assertEquals(it.get("802.1q VLAN ID"), (Boolean) vlan.get("enabled") ? vlan.get("id").toString() : "Disabled");
        List<Map<String, Object>> suites = (List<Map<String, Object>>) lan.get("cipher_suites");
        List<String> ids = new ArrayList<>();
        StringBuilder privs = new StringBuilder();
        for (Map<String, Object> s : suites) {
            ids.add(s.get("id").toString());
            privs.append(switch ((String) s.get("max_privilege")) {
                case "callback" -> 'c';
                case "user" -> 'u';
                case "operator" -> 'o';
                case "administrator" -> 'a';
                case "oem" -> 'O';
                default -> 'X';
            });
        }
        assertEquals(it.get("RMCP+ Cipher Suites"), String.join(",", ids));
        assertEquals(it.get("Cipher Suite Priv Max"), privs.toString());
        // "Auth Type Enable : Callback : MD5 PASSWORD" - keyValues keeps the first line, the callback level.
        Map<String, List<String>> auth = (Map<String, List<String>>) lan.get("auth_types");
        assertEquals(it.get("Auth Type Enable").replace("Callback :", "").trim(),
                String.join(" ", auth.get("callback").stream().map(a -> a.toUpperCase(Locale.ROOT)).toList()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void channelSecurityEqualsIpmitoolsCapabilitiesAndCipherList() throws Exception {
        Map<String, Object> r = IpmiSimModules.run(PEER, new ChannelSecurityModule(), Map.of()).result();
        assertEquals("login", r.get("capabilities_from"), "ipmi_sim refuses the command inside a session (0xD5)");
        Map<String, String> caps = IpmiSimModules.keyValues(PEER.bmc().ipmitool(IpmitoolOptions.lan("MD5"), "-vv", "mc",
                "info").output());
        assertEquals(caps.get("Auth Types"), String.join(" ", ((List<String>) r.get("auth_types")).stream()
                .map(a -> a.toUpperCase(Locale.ROOT)).toList()));
        assertEquals(caps.get("Per-msg auth"), enabled(r.get("per_message_auth")));
        assertEquals(caps.get("User level auth"), enabled(r.get("user_level_auth")));
        assertEquals(caps.get("Non-null users"), enabled(r.get("non_null_usernames")));
        assertEquals(caps.get("Null users"), enabled(r.get("null_usernames")));
        assertEquals(caps.get("Anonymous login"), enabled(r.get("anonymous_login")));

        List<String> rows = new ArrayList<>();
        String ciphers = PEER.bmc().ipmitool("channel", "getciphers", "ipmi", "1").stdout();
        for (String line : ciphers.lines().skip(1).toList()) {
            rows.add(String.join(" ", line.trim().split("\\s+")));
        }
        List<String> ours = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) r.get("cipher_suites")) {
            ours.add(s.get("id") + " N/A " + s.get("auth") + " " + s.get("integrity") + " " + s.get("confidentiality"));
        }
        // ipmitool 1.8.19 reads at most 64 bytes of records, so it shows ipmi_sim's suites 0-11 of 0-14.
        assertEquals(12, rows.size());
        assertEquals(rows, ours.subList(0, rows.size()));
        assertEquals(rawSuiteIds(), ours.stream().map(o -> Integer.parseInt(o.split(" ")[0])).toList());
        assertTrue(((List<String>) r.get("findings")).contains(
                "cipher suite 0 has no authentication: any password is accepted"), String.valueOf(r.get("findings")));
    }

    /** The suite ids in the records of every page, fetched with ipmitool raw (0xC0, id, three algorithm bytes). */
    private static List<Integer> rawSuiteIds() {
        List<Integer> bytes = new ArrayList<>();
        for (int page = 0; page < 64; page++) {
            String out = PEER.bmc().ipmitool("raw", "0x06", "0x54", "1", "0", String.valueOf(0x80 | page)).stdout();
            List<String> hex = List.of(out.trim().split("\\s+"));
            hex.stream().skip(1).forEach(h -> bytes.add(Integer.parseInt(h, 16)));
            if (hex.size() - 1 < 16) {
                break;
            }
        }
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i + 4 < bytes.size(); i += 5) {
            assertEquals(0xC0, bytes.get(i));
            ids.add(bytes.get(i + 1));
        }
        return ids;
    }

    private static String enabled(Object b) {
        return (Boolean) b ? "enabled" : "disabled";
    }
}
