package io.ipmirunner.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.Peers;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Quirk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * ipmitool as the client of the simulator's user and LAN commands: what it sets, it lists back, and the
 * next login checks the password it set. A second fleet with the insecure-auth quirk shows what audits flag.
 */
@Tag("interop")
class UsersLanInteropTest {
    private static final List<String> PLUS = List.of("-I", "lanplus", "-C", "3");
    /** Operator-level users: ipmitool asks for administrator unless told, and the simulator enforces limits. */
    private static final List<String> PLUS_OPERATOR = List.of("-I", "lanplus", "-C", "3", "-L", "OPERATOR");
    @TempDir
    static Path dir;
    static InteropFleet fleet;
    static InteropFleet insecure;

    @BeforeAll
    static void start() {
        Peers.require("ipmitool");
        fleet = new InteropFleet(4, dir);
        insecure = new InteropFleet(1, dir.resolve("insecure").toFile().mkdirs() ? dir.resolve("insecure") : dir,
                FaultProfile.NONE.withQuirks(Set.of(Quirk.INSECURE_AUTH)));
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
        if (insecure != null) {
            insecure.close();
        }
    }

    @Test
    void ipmitoolCreatesAUserThatCanThenLogInAndDisablingItStopsThat() {
        ok(fleet.ipmitool(0, PLUS, "user", "set", "name", "5", "eve"));
        ok(fleet.ipmitool(0, PLUS, "user", "set", "password", "5", "evepass9"));
        ok(fleet.ipmitool(0, PLUS, "channel", "setaccess", "1", "5", "privilege=3", "ipmi=on"));
        ok(fleet.ipmitool(0, PLUS, "user", "enable", "5"));
        String list = ok(fleet.ipmitool(0, PLUS, "user", "list", "1"));
        assertTrue(Pattern.compile("(?m)^5\\s+eve\\s+.*true\\s+OPERATOR$").matcher(list).find(), list);
        assertTrue(Pattern.compile("(?m)^2\\s+admin\\s+.*true\\s+ADMINISTRATOR$").matcher(list).find(), list);
        assertTrue(ok(fleet.ipmitool(0, PLUS, "user", "test", "5", "16", "evepass9")).contains("Success"));
        assertFalse(fleet.ipmitool(0, PLUS, "user", "test", "5", "16", "wrongpass").out().contains("Success"));
        assertTrue(fleet.ipmitoolAs(0, "eve", "evepass9", PLUS_OPERATOR, "mc", "info").ok());
        assertFalse(fleet.ipmitoolAs(0, "eve", "wrongpass", PLUS_OPERATOR, "mc", "info").ok());
        assertFalse(fleet.ipmitoolAs(0, "eve", "evepass9", PLUS, "mc", "info").ok(), "administrator is above eve's limit");
        assertTrue(fleet.ipmitoolAs(0, "eve", "evepass9", List.of("-I", "lan", "-L", "OPERATOR"), "mc", "info").ok(),
                "v1.5 too");
        ok(fleet.ipmitool(0, PLUS, "user", "disable", "5"));
        assertFalse(fleet.ipmitoolAs(0, "eve", "evepass9", PLUS_OPERATOR, "mc", "info").ok());
    }

    @Test
    void aPasswordChangedWithIpmitoolIsTheOneTheNextLoginNeeds() {
        ok(fleet.ipmitool(1, PLUS, "user", "set", "password", "3", "rotated-20-bytes-pw!", "20"));
        assertTrue(fleet.ipmitoolAs(1, "operator", "rotated-20-bytes-pw!", PLUS_OPERATOR, "mc", "info").ok());
        assertFalse(fleet.ipmitoolAs(1, "operator", InteropFleet.PASSWORD, PLUS_OPERATOR, "mc", "info").ok());
        assertTrue(fleet.ipmitool(1, PLUS, "mc", "info").ok(), "other BMCs of the fleet keep their own users");
        assertTrue(fleet.ipmitoolAs(2, "operator", InteropFleet.PASSWORD, PLUS_OPERATOR, "mc", "info").ok());
    }

    @Test
    void lanSetByIpmitoolIsPrintedBack() {
        ok(fleet.ipmitool(2, PLUS, "lan", "set", "1", "ipsrc", "static"));
        ok(fleet.ipmitool(2, PLUS, "lan", "set", "1", "ipaddr", "10.9.8.7"));
        ok(fleet.ipmitool(2, PLUS, "lan", "set", "1", "netmask", "255.255.0.0"));
        ok(fleet.ipmitool(2, PLUS, "lan", "set", "1", "defgw", "ipaddr", "10.9.0.1"));
        String print = ok(fleet.ipmitool(2, PLUS, "lan", "print", "1"));
        assertTrue(Pattern.compile("IP Address Source\\s+: Static Address").matcher(print).find(), print);
        assertTrue(Pattern.compile("IP Address\\s+: 10.9.8.7").matcher(print).find(), print);
        assertTrue(Pattern.compile("Subnet Mask\\s+: 255.255.0.0").matcher(print).find(), print);
        assertTrue(Pattern.compile("Default Gateway IP\\s+: 10.9.0.1").matcher(print).find(), print);
        assertTrue(Pattern.compile("RMCP\\+ Cipher Suites\\s+: 0,1,2,3,17").matcher(print).find(), print);
    }

    @Test
    void insecureQuirkShowsSuiteZeroAnonymousLoginAndWeakV15Types() {
        String caps = insecure.ipmitool(0, List.of("-I", "lan", "-vv"), "mc", "info").out();
        assertTrue(Pattern.compile("Auth Types\\s+: NONE MD2 MD5 PASSWORD").matcher(caps).find(), caps);
        assertTrue(Pattern.compile("Anonymous login\\s+: enabled").matcher(caps).find(), caps);
        String ciphers = ok(insecure.ipmitool(0, PLUS, "channel", "getciphers", "ipmi", "1"));
        assertTrue(Pattern.compile("(?m)^0\\s+N/A\\s+none\\s+none\\s+none").matcher(ciphers).find(), ciphers);
        assertTrue(insecure.ipmitoolAs(0, "admin", "not-the-password", List.of("-I", "lanplus", "-C", "0"), "mc",
                "info").ok(), "suite 0 takes any password");
        List<String> anonymous = List.of("-I", "lan", "-A", "NONE", "-L", "USER");
        assertTrue(insecure.ipmitoolAs(0, "", "", anonymous, "mc", "info").ok(), "null user, null password, no auth");
        assertFalse(fleet.ipmitoolAs(0, "", "", anonymous, "mc", "info").ok());
        String secure = fleet.ipmitool(0, List.of("-I", "lan", "-vv"), "mc", "info").out();
        assertTrue(Pattern.compile("Anonymous login\\s+: disabled").matcher(secure).find(), secure);
        assertTrue(Pattern.compile("Auth Types\\s+: MD2 MD5 PASSWORD").matcher(secure).find(), secure);
    }

    /** FreeIPMI's ipmi-config commits a user and LAN settings from a 0600 file, then checks them out again. */
    @Test
    void freeIpmiConfigCommitsAUserAndLanSettingsThatCheckoutAndLoginsSee() throws Exception {
        Peers.require("ipmi-config");
        Path conf = dir.resolve("commit.conf");
        Files.writeString(conf, """
                Section User6
                	Username gina
                	Password ginapw12
                	Enable_User Yes
                	Lan_Enable_IPMI_Msgs Yes
                	Lan_Privilege_Limit User
                EndSection
                Section Lan_Conf
                	IP_Address_Source Static
                	IP_Address 10.41.8.8
                	Subnet_Mask 255.255.255.0
                EndSection
                """);
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-------"));
        ok(fleet.freeipmi(3, "ipmi-config", "--commit", "--filename=" + conf));
        // A checkout exits 1 here while printing every key: the simulator has no serial channel and no IPv6
        // parameters, which ipmi-config looks up for other sections and reports as errors.
        String user = fleet.freeipmi(3, "ipmi-config", "--checkout", "--section=User6").out();
        assertTrue(Pattern.compile("Username\\s+gina").matcher(user).find(), user);
        assertTrue(Pattern.compile("Lan_Privilege_Limit\\s+User").matcher(user).find(), user);
        assertTrue(Pattern.compile("Lan_Enable_IPMI_Msgs\\s+Yes").matcher(user).find(), user);
        String lan = fleet.freeipmi(3, "ipmi-config", "--checkout", "--section=Lan_Conf").out();
        assertTrue(Pattern.compile("IP_Address\\s+10.41.8.8").matcher(lan).find(), lan);
        assertTrue(fleet.ipmitoolAs(3, "gina", "ginapw12", List.of("-I", "lanplus", "-C", "3", "-L", "USER"), "mc",
                "info").ok());
        assertTrue(ok(fleet.ipmitool(3, PLUS, "lan", "print", "1")).contains("10.41.8.8"));
    }

    private static String ok(InteropFleet.Result r) {
        assertTrue(r.ok(), r.out());
        return r.out();
    }
}
