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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ConsoleCapturePlayTest}'s playbook on 200 simulated hosts at once (400 sessions: each host's shared one
 * and its console's): every host's boot log after the power cycle is in its run-directory log once, and the
 * report names every host's log (report.html's "raw console log" link).
 */
@Tag("slow")
@Timeout(300)
class ConsoleCapture200HostsTest {
    static final int HOSTS = 200;

    @Test
    void everyHostsBootLogIsCapturedAndLinked(@TempDir Path dir) throws Exception {
        var group = new FleetGroup("rack", HOSTS, "mixed", BmcSettings.DEFAULTS.withPowerOnDelay(300),
                FaultProfile.NONE, 0);
        var plans = FleetPlanner.plan(List.of(group), new Addressing.BasePort("127.62.5.1", 19000),
                UserTable.standard("admin", Secret.of("cap-secret", "test")), 13);
        try (FleetHost rack = FleetHost.start(plans, LanServices.seeded(13), 13)) {
            StringBuilder inv = new StringBuilder("rack:\n  vars:\n    ipmi_user: admin\n"
                    + "    ipmi_password: cap-secret\n  hosts:\n");
            for (int i = 0; i < rack.size(); i++) {
                inv.append("    node").append(i + 1).append(":\n      ipmi_host: 127.62.5.1\n      ipmi_port: ")
                        .append(rack.address(i).getPort()).append('\n');
            }
            Path inventory = Files.writeString(dir.resolve("hosts.yml"), inv);
            Path playbook = Files.writeString(dir.resolve("reboot.yml"), ConsoleCapturePlayTest.PLAYBOOK);
            Path runDir = dir.resolve("run");
            long t0 = System.nanoTime();
            CliRun r = CliRun.of("play", playbook.toString(), "-i", inventory.toString(), "--report-dir",
                    runDir.toString(), "--yes"); // 200 power cycles are past the destructive threshold
            long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
            assertEquals(0, r.exit(), r.toString());
            // report.html carries the results gzip'd and draws each console task's "raw console log" link from
            // the result's log key (ReportBrowserTest renders it in chromium); report.json holds the same results.
            String report = Files.readString(runDir.resolve("report.json"));
            assertTrue(Files.size(runDir.resolve("report.html")) > 0);
            for (int i = 1; i <= HOSTS; i++) {
                String log = Files.readString(runDir.resolve("console/node" + i + ".log"), StandardCharsets.ISO_8859_1);
                assertEquals(2, log.split("Simulated BIOS", -1).length, "node" + i + ": one boot log, once: " + log);
                assertTrue(log.contains("simhost login:"), "node" + i + ": " + log);
                assertTrue(Pattern.compile("\"log\"\\s*:\\s*\"console/node" + i + "\\.log\"")
                        .matcher(report).find(), "the report names node" + i + "'s log");
            }
            System.out.printf("ConsoleCapture200HostsTest: %d hosts captured around a power cycle in %d s%n", HOSTS,
                    seconds);
        }
    }
}
