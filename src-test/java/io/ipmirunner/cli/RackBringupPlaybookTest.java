package io.ipmirunner.cli;

import static io.ipmirunner.cli.UseCaseReports.host;
import static io.ipmirunner.cli.UseCaseReports.result;
import static io.ipmirunner.cli.UseCaseReports.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped playbooks/rack-bringup.yml on simulated racks started in this process: green (the factory
 * password is rotated to the fleet's and a fresh login proves it, serials match, LAN set, PXE used), and red
 * with a report naming host, task and failure class for a wrong serial, a wrong factory password, a BMC that
 * ignores Set User Password and a BIOS that ignores the PXE flag.
 */
class RackBringupPlaybookTest {
    private static final Path PLAYBOOK = Path.of(System.getProperty("ipmirunner.root", "."), "playbooks",
            "rack-bringup.yml");

    private static Path inventory(Path dir, String hosts) throws Exception {
        Files.writeString(dir.resolve("fleet.pw"), "Fleet-Pa55-test\n");
        return Files.writeString(dir.resolve("rack.yml"), """
                all:
                  vars:
                    ipmi_simulated: true
                    ipmi_user: admin
                    fleet_password_file: %s
                    ipmi_credentials:
                      - {label: fleet, password: {file: fleet.pw}}
                      - {label: factory}
                  hosts:
                %s""".formatted(dir.resolve("fleet.pw"), hosts));
    }

    @Test
    void greenRotatesTheFactoryPasswordAndChecksSerialLanAndPxe(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        Path inv = inventory(dir, """
                    bu01:
                      expected_serials: {bu01: SIM012000000}
                      bmc_lan: {source: static, address: 10.49.0.11, netmask: 255.255.255.0, gateway: 10.49.0.1}
                    bu02:
                """);
        CliRun r = CliRun.of("play", PLAYBOOK.toString(), "-i", inv.toString(), "--report-dir", runDir.toString());
        assertEquals(0, r.exit(), r.toString());
        Map<String, Object> report = UseCaseReports.json(runDir);
        Map<String, Object> bu01 = host(report, "bu01");
        assertEquals("changed", bu01.get("status"));
        assertEquals("factory", result(bu01, "Probe BMC").get("credential"), "the first login needed the factory password");
        Map<String, Object> rot = result(bu01, "Rotate to the fleet password (from fleet_password_file)");
        assertEquals("differs", rot.get("password_test"));
        assertEquals(List.of("password"), rot.get("changes"));
        assertEquals(true, rot.get("verified"), "a fresh login with the fleet password worked");
        assertEquals("ok", task(bu01, "Serial matches the expected list").get("status"));
        assertEquals("skipped", task(host(report, "bu02"), "Serial matches the expected list").get("status"),
                "no expected serial for bu02: nothing to compare");
        Map<String, Object> lan = result(bu01, "BMC LAN settings");
        assertEquals("static", lan.get("ip_source"));
        assertEquals("10.49.0.11", lan.get("address"));
        assertEquals("10.49.0.1", lan.get("gateway"));
        assertEquals(false, result(bu01, "Read the boot flags after the boot").get("valid"), "PXE override consumed");
        assertTrue(r.out().contains("TASK [Read event log]"), r.toString());
        assertFalse(Files.readString(runDir.resolve("journal.jsonl")).contains("Fleet-Pa55-test"),
                "the fleet password never reaches the journal");
        assertFalse(Files.readString(runDir.resolve("report.json")).contains("Fleet-Pa55-test"));
    }

    @Test
    void redWithAClearReportForWrongSerialWrongFactoryPasswordAndIgnoredPxe(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        Files.writeString(dir.resolve("wrong-factory.pw"), "not-the-factory\n");
        Path serials = Files.writeString(dir.resolve("serials.yml"), "expected_serials: {serial02: XX999}\n");
        Path inv = inventory(dir, """
                    ok01:
                    serial02:
                    auth03:
                      ipmi_credentials:
                        - {label: fleet, password: {file: fleet.pw}}
                        - {label: factory, password: {file: wrong-factory.pw}}
                    pxe04:
                      ipmi_sim_quirks: [ignores-boot-flags]
                    rot05:
                      ipmi_sim_quirks: [ignores-set-password]
                """);
        CliRun r = CliRun.of("play", PLAYBOOK.toString(), "-i", inv.toString(), "--report-dir", runDir.toString(),
                "-e", "@" + serials);
        assertEquals(ExitCodes.HOST_FAILED, r.exit(), r.toString());
        Map<String, Object> report = UseCaseReports.json(runDir);
        assertEquals("changed", host(report, "ok01").get("status"), r.toString());

        Map<String, Object> serial = host(report, "serial02");
        assertEquals("failed", serial.get("status"));
        assertEquals("assertion", serial.get("failure_class"));
        assertEquals("Serial matches the expected list", serial.get("failed_task"));
        assertTrue(((String) serial.get("error")).contains("the expected list says XX999"), serial.toString());

        Map<String, Object> auth = host(report, "auth03");
        assertEquals("failed", auth.get("status"));
        assertEquals("auth", auth.get("failure_class"));
        assertEquals("Probe BMC", auth.get("failed_task"));
        assertTrue(((String) auth.get("error")).contains("credentials tried: fleet, factory"), auth.toString());

        Map<String, Object> pxe = host(report, "pxe04");
        assertEquals("failed", pxe.get("status"));
        assertEquals("The boot used the PXE flag", pxe.get("failed_task"));
        assertTrue(((String) pxe.get("error")).contains("did not boot from PXE"), pxe.toString());

        Map<String, Object> rot = host(report, "rot05");
        assertEquals("failed", rot.get("status"));
        assertEquals("assertion", rot.get("failure_class"));
        assertEquals("The fleet password logs in", rot.get("failed_task"));
        assertTrue(((String) rot.get("error")).startsWith("rotation not verified: a fresh login with the fleet "
                + "password as user admin failed (rot05: authentication failed"), rot.toString());
        Map<String, Object> set = result(rot, "Rotate to the fleet password (from fleet_password_file)");
        assertEquals(false, set.get("verified"), "the BMC answered success and kept the factory password");
    }

    /** The production layout of docs/use-cases.md: fleet password and credential list in one encrypted file. */
    @Test
    void rotatesToAFleetPasswordKeptInAVault(@TempDir Path dir) throws Exception {
        Path inv = Files.createDirectories(dir.resolve("inv"));
        Files.writeString(inv.resolve("hosts.yml"), """
                all:
                  vars: {ipmi_simulated: true, ipmi_user: admin}
                  hosts:
                    v01:
                """);
        Path vault = Files.createDirectories(inv.resolve("group_vars").resolve("all")).resolve("vault.yml");
        Files.writeString(vault, """
                fleet_password: &fleet Vaulted-Fleet-49
                ipmi_credentials:
                  - {label: fleet, password: *fleet}
                  - {label: factory}
                """);
        Path vaultPw = Files.writeString(dir.resolve("vault.pw"), "test-vault-pw\n");
        assertEquals(0, CliRun.of("vault", "encrypt", vault.toString(), "--vault-password-file", vaultPw.toString())
                .exit());
        assertFalse(Files.readString(vault).contains("Vaulted-Fleet-49"));
        Path runDir = dir.resolve("run");
        CliRun r = CliRun.of("play", PLAYBOOK.toString(), "-i", inv.toString(), "--vault-password-file",
                vaultPw.toString(), "--report-dir", runDir.toString());
        assertEquals(0, r.exit(), r.toString());
        Map<String, Object> v01 = host(UseCaseReports.json(runDir), "v01");
        Map<String, Object> rot = result(v01, "Rotate to the fleet password (from fleet_password)");
        assertEquals("factory", rot.get("credential"));
        assertEquals("differs", rot.get("password_test"));
        assertEquals(true, rot.get("verified"));
        assertFalse(Files.readString(runDir.resolve("journal.jsonl")).contains("Vaulted-Fleet-49"));
    }
}
