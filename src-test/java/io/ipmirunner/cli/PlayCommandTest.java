package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fleet.Addressing;
import io.ipmirunner.sim.fleet.FleetGroup;
import io.ipmirunner.sim.fleet.FleetHost;
import io.ipmirunner.sim.fleet.FleetPlanner;
import io.ipmirunner.sim.lan.LanServices;
import io.ipmirunner.sim.model.UserTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code play} end to end against a simulated rack in this process. */
class PlayCommandTest {
    private static final String PLAYBOOK = """
            - name: bring up
              hosts: rack
              tasks:
                - name: read power
                  power: {state: status}
                  register: before
                - name: power on
                  power: {state: "on", wait: true, timeout: 30}
                  notify: announce
                - name: still on
                  wait_for_power: {state: "on", timeout: 30s, interval: 1s}
                - name: identify
                  mc_info:
                  register: mc
                - name: firmware is known
                  assert:
                    that: ['mc.firmware | length > 0', 'mc.attempts == 1']
              handlers:
                - name: announce
                  debug: {msg: "powered on {{ inventory_hostname }}"}
            """;

    @Test
    void playRunsAPlaybookOnASimulatedRack(@TempDir Path dir) throws Exception {
        Secret password = Secret.of("rack-secret", "test");
        var group = new FleetGroup("rack", 3, "mixed", BmcSettings.DEFAULTS.withPowerOnDelay(200)
                .withInitiallyOn(false), FaultProfile.NONE, 0);
        var plans = FleetPlanner.plan(List.of(group), new Addressing.BasePort("127.0.0.1", 0),
                UserTable.standard("admin", password), 7);
        try (FleetHost rack = FleetHost.start(plans, LanServices.seeded(7), 7)) {
            StringBuilder inv = new StringBuilder("rack:\n  vars:\n    ipmi_user: admin\n"
                    + "    ipmi_password: rack-secret\n  hosts:\n");
            for (int i = 0; i < rack.size(); i++) {
                inv.append("    node").append(i + 1).append(":\n      ipmi_host: 127.0.0.1\n      ipmi_port: ")
                        .append(rack.address(i).getPort()).append('\n');
            }
            Path inventory = Files.writeString(dir.resolve("hosts.yml"), inv);
            Path playbook = Files.writeString(dir.resolve("bringup.yml"), PLAYBOOK);
            Path runDir = dir.resolve("run");
            CliRun r = CliRun.of("play", playbook.toString(), "-i", inventory.toString(), "--report-dir",
                    runDir.toString());
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().contains("TASK [power on]"), r.toString());
            assertTrue(r.out().contains("changed: [node2]"), r.toString());
            assertTrue(r.out().contains("RUNNING HANDLER [announce]"), r.toString());
            assertTrue(r.out().matches("(?s).*node3\\s+: ok=6\\s+changed=1\\s+unreachable=0\\s+failed=0.*"),
                    r.toString());
            List<String> journal = Files.readAllLines(runDir.resolve("journal.jsonl"));
            assertEquals(3 * 6, journal.stream().filter(l -> l.contains("\"host_result\"")).count());
            assertTrue(journal.getLast().contains("\"run_end\""));

            CliRun resumed = CliRun.of("play", playbook.toString(), "-i", inventory.toString(), "--resume",
                    runDir.toString());
            assertEquals(0, resumed.exit(), resumed.toString());
            assertTrue(resumed.out().contains("resume: 18 host results"), resumed.toString());
            assertTrue(resumed.out().contains("changed: [node2]"), resumed.toString());

            CliRun checked = CliRun.of("play", playbook.toString(), "-i", inventory.toString(), "--check",
                    "--limit", "node1", "--report-dir", dir.resolve("run2").toString(), "-v");
            assertEquals(0, checked.exit(), checked.toString());
            assertTrue(checked.out().contains("changed: [node1] => {\"check_mode\":true"), checked.toString());
            assertTrue(checked.out().contains("\"state\":\"on\""), checked.toString());
        }
    }

    @Test
    void unreachableHostExitsThreeAndRetryFailedRunsOnlyIt(@TempDir Path dir) throws Exception {
        Path inventory = Files.writeString(dir.resolve("hosts.yml"), """
                all:
                  hosts:
                    fine:
                    ghost:
                      ipmi_host: 127.0.0.1
                      ipmi_port: 9
                      ipmi_user: admin
                      ipmi_password: x
                """);
        Path playbook = Files.writeString(dir.resolve("p.yml"), """
                - hosts: all
                  tasks:
                    - power: {state: status}
                      when: inventory_hostname == "ghost"
                    - debug: {msg: next}
                """);
        CliRun r = CliRun.of("play", playbook.toString(), "-i", inventory.toString(), "--timeout", "1",
                "--report-dir", dir.resolve("run").toString());
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.out().contains("unreachable: [ghost]"), r.toString());
        assertTrue(r.out().contains("skipping: [fine]"), r.toString());
        assertTrue(r.out().contains("ok: [fine] => next"), r.toString());
        assertTrue(!r.out().contains("[ghost] => next"), r.toString());

        CliRun retry = CliRun.of("play", playbook.toString(), "-i", inventory.toString(), "--timeout", "1",
                "--retry-failed", dir.resolve("run").toString(), "--report-dir", dir.resolve("run2").toString());
        assertEquals(3, retry.exit(), retry.toString());
        assertTrue(!retry.out().contains("[fine]"), retry.toString());
    }

    @Test
    void maxHostsRefusesWithoutYes(@TempDir Path dir) throws Exception {
        Path inventory = Files.writeString(dir.resolve("hosts.yml"), "all:\n  hosts:\n    n[1:3]:\n");
        Path playbook = Files.writeString(dir.resolve("p.yml"), "- hosts: all\n  tasks:\n    - debug: {msg: hi}\n");
        String run = dir.resolve("run").toString();
        CliRun refused = CliRun.of("play", playbook.toString(), "-i", inventory.toString(), "--max-hosts", "2",
                "--report-dir", run);
        assertEquals(5, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("would act on 3 hosts"), refused.toString());
        assertEquals(0, CliRun.of("play", playbook.toString(), "-i", inventory.toString(), "--max-hosts", "2", "--yes",
                "--report-dir", run).exit());
    }

    @Test
    void playbookProblemsExitFour(@TempDir Path dir) throws Exception {
        Path inventory = Files.writeString(dir.resolve("hosts.yml"), "all:\n  hosts:\n    n1:\n");
        Path playbook = Files.writeString(dir.resolve("p.yml"), "- hosts: all\n  tasks:\n    - powr: {}\n");
        assertEquals(4, CliRun.of("play", playbook.toString(), "-i", inventory.toString()).exit());
    }
}
