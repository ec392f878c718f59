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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture around a power cycle: console capture=start, power state=cycle, console until=login:, capture=stop,
 * on a small simulated rack. Each host's boot log after the cycle is in its run-directory log once, and the
 * wait for "login:" sees text printed before the task began (the capture read it meanwhile).
 */
@Timeout(90)
class ConsoleCapturePlayTest {
    static final String PLAYBOOK = """
            - name: reboot with the console captured
              hosts: rack
              tasks:
                - name: capture the console
                  console: {capture: start}
                - name: power cycle
                  power: {state: cycle}
                - name: let the host boot
                  pause: {seconds: 2}
                - name: wait for the login prompt
                  console: {until: "login:", timeout: 30s}
                - name: stop capturing
                  console: {capture: stop}
            """;

    @Test
    void theBootLogOfEachHostIsCapturedAroundThePowerCycle(@TempDir Path dir) throws Exception {
        var group = new FleetGroup("rack", 3, "mixed", BmcSettings.DEFAULTS.withPowerOnDelay(300), FaultProfile.NONE,
                0);
        var plans = FleetPlanner.plan(List.of(group), new Addressing.BasePort("127.0.187.1", 18400),
                UserTable.standard("admin", Secret.of("cap-secret", "test")), 9);
        try (FleetHost rack = FleetHost.start(plans, LanServices.seeded(9), 9)) {
            StringBuilder inv = new StringBuilder("rack:\n  vars:\n    ipmi_user: admin\n"
                    + "    ipmi_password: cap-secret\n  hosts:\n");
            for (int i = 0; i < rack.size(); i++) {
                inv.append("    node").append(i + 1).append(":\n      ipmi_host: 127.0.187.1\n      ipmi_port: ")
                        .append(rack.address(i).getPort()).append('\n');
            }
            Path inventory = Files.writeString(dir.resolve("hosts.yml"), inv);
            Path playbook = Files.writeString(dir.resolve("reboot.yml"), PLAYBOOK);
            Path runDir = dir.resolve("run");
            CliRun r = CliRun.of("play", playbook.toString(), "-i", inventory.toString(), "--report-dir",
                    runDir.toString());
            assertEquals(0, r.exit(), r.toString());
            for (int i = 1; i <= 3; i++) {
                String log = Files.readString(runDir.resolve("console/node" + i + ".log"), StandardCharsets.ISO_8859_1);
                assertEquals(2, log.split("Simulated BIOS", -1).length, "one boot log, once: " + log);
                assertTrue(log.contains("simhost login:"), log); // its trailing space may come after the stop
                List<String> timing = Files.readAllLines(runDir.resolve("console/node" + i + ".timing"));
                assertTrue(timing.get(0).endsWith("# capture started"), timing.toString());
                assertTrue(timing.getLast().endsWith("# capture stopped"), timing.toString());
            }
            String junit = Files.readString(runDir.resolve("junit.xml"));
            assertTrue(junit.contains("PXE-E61"), "the wait's text is in system-out: " + junit);
        }
    }
}
