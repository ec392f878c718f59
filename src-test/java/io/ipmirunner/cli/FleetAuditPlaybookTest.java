package io.ipmirunner.cli;

import static io.ipmirunner.cli.UseCaseReports.host;
import static io.ipmirunner.cli.UseCaseReports.result;
import static io.ipmirunner.cli.UseCaseReports.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.Peers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped playbooks/fleet-audit.yml: green on a simulated rack, red per check with a clear report for the
 * insecure-auth and bad-fru-checksum quirks and an unexpected user, and red against OpenIPMI's ipmi_sim, whose
 * cipher suite 0 accepts any password.
 */
class FleetAuditPlaybookTest {
    private static final Path PLAYBOOK = Path.of(System.getProperty("ipmirunner.root", "."), "playbooks",
            "fleet-audit.yml");

    @Test
    void greenOnGoodBmcsRedPerCheckOnInsecureOnes(@TempDir Path dir) throws Exception {
        Path inv = Files.writeString(dir.resolve("rack.yml"), """
                all:
                  vars:
                    ipmi_simulated: true
                    ipmi_user: admin
                    expected_bmc_users: [admin, operator, user]
                  hosts:
                    good01:
                    insecure02:
                      ipmi_sim_quirks: [insecure-auth]
                    fru03:
                      ipmi_sim_quirks: [bad-fru-checksum]
                    users04:
                      expected_bmc_users: [admin]
                """);
        Path runDir = dir.resolve("run");
        CliRun r = CliRun.of("play", PLAYBOOK.toString(), "-i", inv.toString(), "--report-dir", runDir.toString());
        assertEquals(ExitCodes.HOST_FAILED, r.exit(), r.toString());
        Map<String, Object> report = UseCaseReports.json(runDir);

        Map<String, Object> good = host(report, "good01");
        assertEquals("ok", good.get("status"), r.toString());
        assertEquals("refused", ((Map<?, ?>) result(good, "Channel security").get("probes"))
                .get("cipher_0_wrong_password"));

        Map<String, Object> insecure = host(report, "insecure02");
        assertEquals("failed", insecure.get("status"));
        assertEquals("assertion", insecure.get("failure_class"));
        assertEquals("Audit verdict", insecure.get("failed_task"));
        assertEquals("failed checks: cipher_suite_0, anonymous_login, ipmi15_auth, sol", insecure.get("error"));
        assertEquals("SOL: SOL does not force encryption: a console may read and type in the clear; SOL does not"
                + " force authentication: its packets may go unauthenticated; a user-level account may take the"
                + " host's console", task(insecure, "SOL forces encryption and authentication").get("error"));
        Map<String, Object> cipher0 = task(insecure, "Cipher suite 0 refused");
        assertEquals("failed", cipher0.get("status"));
        assertEquals(true, cipher0.get("ignored"), "a failed check does not stop the audit of the host");
        assertEquals("cipher suite 0 (no authentication): listed yes; login with a wrong password accepted",
                cipher0.get("error"));
        assertTrue(((String) task(insecure, "Anonymous and null user login refused").get("error"))
                .endsWith("login with a null user and password accepted"), insecure.toString());
        assertTrue(((String) task(insecure, "IPMI 1.5 none, straight password and MD2 disabled").get("error"))
                .startsWith("weak IPMI 1.5 authentication types enabled: none, md2, password"), insecure.toString());
        assertEquals("ok", task(insecure, "FRU is readable and intact").get("status"));

        Map<String, Object> fru = host(report, "fru03");
        assertEquals("failed checks: fru", fru.get("error"), fru.toString());
        assertTrue(((String) task(fru, "FRU is readable and intact").get("error")).startsWith("FRU defects: "));

        Path noProbe = dir.resolve("no-probe");
        CliRun listed = CliRun.of("play", PLAYBOOK.toString(), "-i", inv.toString(), "--limit", "insecure02",
                "-e", "audit_probe=false", "--report-dir", noProbe.toString());
        assertEquals(ExitCodes.HOST_FAILED, listed.exit(), listed.toString());
        Map<String, Object> judged = host(UseCaseReports.json(noProbe), "insecure02");
        assertEquals("cipher suite 0 (no authentication): listed yes; login with a wrong password not probed",
                task(judged, "Cipher suite 0 refused").get("error"), "audit_probe=false judges by the listing");
        assertEquals(null, result(judged, "Channel security").get("probes"));

        Map<String, Object> users = host(report, "users04");
        assertEquals("failed checks: users", users.get("error"), users.toString());
        assertTrue(((String) task(users, "No unexpected enabled user").get("error")).startsWith(
                "enabled users the inventory does not expect: operator (id 3, operator), user (id 4, user)"),
                users.toString());
    }

    @Test
    @Tag("interop")
    void flagsIpmiSimWhoseCipherSuite0AcceptsAnyPassword(@TempDir Path dir) throws Exception {
        Peers.require("ipmi_sim");
        try (IpmiSim bmc = IpmiSim.builder().address("127.49.0.10").build()) {
            Path pw = Files.writeString(dir.resolve("pw"), bmc.password());
            Path inv = Files.writeString(dir.resolve("inv.yml"), """
                    all:
                      hosts:
                        ipmisim:
                          ipmi_host: %s
                          ipmi_port: %d
                          ipmi_user: %s
                          ipmi_password: {file: %s}
                          test_defaults:
                            - {label: the fixture's account, user: %s, password: "%s"}
                            - {label: not a default here, user: ADMIN, password: ADMIN}
                    """.formatted(bmc.host(), bmc.port(), bmc.username(), pw, bmc.username(), bmc.password()));
            Path runDir = dir.resolve("run");
            CliRun r = CliRun.of("play", PLAYBOOK.toString(), "-i", inv.toString(), "--report-dir",
                    runDir.toString(), "-e", "audit_default_credentials=true", "-e",
                    "default_credentials_var=test_defaults");
            assertEquals(ExitCodes.HOST_FAILED, r.exit(), r.toString());
            Map<String, Object> h = host(UseCaseReports.json(runDir), "ipmisim");
            assertEquals("Audit verdict", h.get("failed_task"), h.toString());
            // The fixture's SEL holds an "Upper Critical going high" event; ipmi_sim accepts v1.5 auth type none
            // with any password too (ChannelProbesAgainstIpmiSimTest checks that with ipmitool).
            assertEquals("failed checks: sel, cipher_suite_0, ipmi15_auth, default_credentials", h.get("error"));
            Map<?, ?> probes = (Map<?, ?>) result(h, "Channel security").get("probes");
            assertEquals("accepted", probes.get("cipher_0_wrong_password"), h.toString());
            assertTrue(((String) task(h, "Cipher suite 0 refused").get("error"))
                    .endsWith("login with a wrong password accepted"), h.toString());
            assertEquals("the BMC accepts factory default logins: the fixture's account (" + bmc.username() + ")",
                    task(h, "No factory default login").get("error"), h.toString());
            assertEquals(1, result(h, "Factory default logins").get("refused"));
            assertFalse(Files.readString(runDir.resolve("journal.jsonl")).contains(bmc.password()),
                    "no password in the journal");
        }
    }
}
