package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.IpmiSimPeer;
import io.ipmirunner.interop.IpmitoolOptions;
import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.client.IpmiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** users and user against ipmi_sim; ipmitool's user list and logins are the witnesses. */
@Tag("interop")
class UsersAgainstIpmiSimTest {
    @RegisterExtension
    static final IpmiSimPeer PEER = new IpmiSimPeer(() -> IpmiSim.builder().address("127.41.0.2")
            .user(3, "bob", "bobpass1", "operator", "md5")
            .user(4, "carol", "carolpw1", "user", "md5")
            .user(5, "rotor", "oldpass1", "admin", "md5")
            .build());

    private static IpmiSim bmc() {
        return PEER.bmc();
    }

    private static IpmiClient client() {
        return PEER.client();
    }

    /** ipmitool user list: ID, Name, Callin, Link Auth, IPMI Msg, Channel Priv Limit. */
    private static final Pattern ROW = Pattern.compile(
            "^(\\d+)\\s+(\\S*)\\s+(true|false)\\s+(true|false)\\s+(true|false)\\s+(.+?)\\s*$");

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void userListEqualsIpmitoolRowByRow() throws Exception {
        ModuleResult r = IpmiSimModules.run(PEER, new UsersModule(), Map.of());
        assertFalse(r.changed());
        assertEquals(1, r.result().get("channel"), "ipmi_sim's LAN channel, found by Get Channel Info");
        List<Map<String, Object>> users = (List<Map<String, Object>>) r.result().get("users");
        String out = bmc().ipmitool("user", "list", "1").stdout();
        int rows = 0;
        for (String line : out.lines().toList()) {
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                continue;
            }
            rows++;
            Map<String, Object> u = users.get(Integer.parseInt(m.group(1)) - 1);
            assertEquals(Integer.parseInt(m.group(1)), u.get("id"));
            assertEquals(m.group(2), u.get("name"), line);
            assertEquals(Boolean.parseBoolean(m.group(5)), u.get("ipmi_messaging"), line);
            assertEquals(ipmitoolPrivilege(m.group(6)), u.get("privilege"), line);
            // ipmi_sim leaves Get User Access's enable bits at 00b ("not reported").
            assertEquals(null, u.get("enabled"));
        }
        assertEquals(63, rows, "ipmi_sim has room for 63 users and ipmitool lists them all");
        assertEquals(users.size(), rows);
        assertEquals("bob", users.get(2).get("name"));
        assertEquals("operator", users.get(2).get("privilege"));
    }

    /** --check: the plan names what would change, and ipmitool shows nothing did. */
    @Test
    @SuppressWarnings("unchecked")
    void checkModePlansWithoutWriting() throws Exception {
        Path file = dir.resolve("carol.pw");
        Files.writeString(file, "notcarols1");
        UserModule m = new UserModule();
        UserArgs args = m.bind(m.validate(Map.of("id", "4", "name", "carla", "privilege", "operator",
                "password_file", file.toString())), Map.of());
        ModuleResult plan;
        try (BmcSession s = IpmiSimModules.open(client(), bmc())) {
            plan = m.check(s, args);
        }
        assertTrue(plan.changed());
        assertEquals(List.of("name", "privilege", "password"), plan.result().get("changes"));
        assertEquals(true, plan.result().get("check_mode"));
        String list = bmc().ipmitool("user", "list", "1").stdout();
        assertTrue(list.lines().anyMatch(l -> l.startsWith("4 ") && l.contains("carol") && l.contains("USER")), list);
        assertTrue(bmc().ipmitool(IpmitoolOptions.lanplus(3).as("carol", "carolpw1"), "mc", "info").ok());
    }

    /** ipmitool prints ADMINISTRATOR, NO ACCESS, Unknown (0x00); the module administrator, no_access, 0x0. */
    private static String ipmitoolPrivilege(String s) {
        if (s.startsWith("Unknown (0x")) {
            return "0x" + Integer.toHexString(Integer.parseInt(s.substring(11, s.length() - 1), 16));
        }
        return s.toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    @Test
    void passwordRotationLogsInWithTheNewPasswordAndTheOldOneFails() throws Exception {
        Path file = dir.resolve("rotor.pw");
        Files.writeString(file, "newpass42\n");
        ModuleResult r = IpmiSimModules.run(PEER, new UserModule(),
                Map.of("id", "5", "password_file", file.toString()));
        assertTrue(r.changed());
        assertEquals(List.of("password"), r.result().get("changes"));
        assertEquals(true, r.result().get("verified"), String.valueOf(r.result()));
        assertFalse(r.result().toString().contains("newpass42"), "the password never reaches the result");
        // ipmi_sim answers "test password" with success for any password, so the decoy makes it "unknown".
        assertEquals("unknown", r.result().get("password_test"));
        IpmitoolOptions plus = IpmitoolOptions.lanplus(3);
        assertTrue(bmc().ipmitool(plus.as("rotor", "newpass42"), "mc", "info").ok());
        assertFalse(bmc().ipmitool(plus.as("rotor", "oldpass1"), "mc", "info").ok());
        assertTrue(bmc().ipmitool(IpmitoolOptions.lan("MD5").as("rotor", "newpass42"), "mc", "info").ok(),
                "the IPMI 1.5 MD5 login takes the new password too");
    }

    /**
     * ipmi_sim 2.0.33 accepts the 20-byte form of Set User Password and keeps only the first 16 bytes. The
     * fresh login catches it: verified is false, and ipmitool agrees (the 20 characters fail, 16 work).
     */
    @Test
    void twentyBytePasswordIsCutTo16ByIpmiSimAndTheFreshLoginSaysSo() throws Exception {
        Path file = dir.resolve("bob.pw");
        Files.writeString(file, "abcdefghij0123456789");
        ModuleResult r = IpmiSimModules.run(PEER, new UserModule(),
                Map.of("id", "3", "password_file", file.toString()));
        assertTrue(r.changed());
        assertEquals(false, r.result().get("verified"), String.valueOf(r.result()));
        assertTrue(String.valueOf(r.result().get("verify_error")).contains("wrong password"));
        IpmitoolOptions plus = IpmitoolOptions.lanplus(3);
        assertFalse(bmc().ipmitool(plus.as("bob", "abcdefghij0123456789"), "mc", "info").ok());
        assertTrue(bmc().ipmitool(plus.as("bob", "abcdefghij012345"), "mc", "info").ok());
    }

    @Test
    @SuppressWarnings("unchecked")
    void nameAndPrivilegeAreSetOnceThenUnchangedAndDisableStopsLogins() throws Exception {
        Path file = dir.resolve("dave.pw");
        Files.writeString(file, "davepass7");
        Map<String, String> args = Map.of("id", "6", "name", "dave", "privilege", "operator", "enabled", "true",
                "password_file", file.toString());
        ModuleResult first = IpmiSimModules.run(PEER, new UserModule(), args);
        assertTrue(first.changed());
        List<String> changes = (List<String>) first.result().get("changes");
        assertTrue(changes.containsAll(List.of("name", "privilege", "password")), changes.toString());
        assertEquals(true, first.result().get("verified"), String.valueOf(first.result()));
        assertTrue(bmc().ipmitool("user", "list", "1").stdout().lines()
                .anyMatch(l -> l.startsWith("6 ") && l.contains("dave") && l.contains("OPERATOR")));
        assertTrue(bmc().ipmitool(IpmitoolOptions.lanplus(3).as("dave", "davepass7"), "mc", "info").ok());

        ModuleResult again = IpmiSimModules.run(PEER, new UserModule(),
                Map.of("id", "6", "name", "dave", "privilege", "operator", "enabled", "true"));
        assertFalse(again.changed(), String.valueOf(again.result()));

        ModuleResult off = IpmiSimModules.run(PEER, new UserModule(), Map.of("id", "6", "enabled", "false"));
        assertTrue(off.changed(), "the enabled-user count fell, though ipmi_sim does not report the state");
        assertFalse(bmc().ipmitool(IpmitoolOptions.lanplus(3).as("dave", "davepass7"), "mc", "info").ok());
        assertFalse(IpmiSimModules.run(PEER, new UserModule(), Map.of("id", "6", "enabled", "false"))
                .changed());
    }
}
