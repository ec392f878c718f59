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
import io.ipmirunner.sim.model.Personality;
import io.ipmirunner.sim.model.UserTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A console task in a run keeps the host's raw console in the run directory (console/HOST.log with its
 * .timing), names it in the result for report.html's link, and puts the text in the case's JUnit system-out.
 * Against the embedded simulator, whose host prints its boot log after a power cycle.
 */
@Timeout(60)
class ConsoleLogsTest {
    static final String HOST = "127.0.186.1";
    static final int PORT = 18300;
    @TempDir
    Path dir;

    @Test
    void aConsoleTaskLeavesARawTimedLogAndSystemOut() throws Exception {
        var group = new FleetGroup("c", 1, Personality.GENERIC.key(), BmcSettings.DEFAULTS.withPowerOnDelay(200),
                FaultProfile.NONE, 0);
        var plans = FleetPlanner.plan(List.of(group), new Addressing.BasePort(HOST, PORT),
                UserTable.standard("admin", Secret.of("logs-Pw-1", "test")), 5);
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "logs-Pw-1\n");
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        try (FleetHost fleet = FleetHost.start(plans, LanServices.seeded(5), 5)) {
            String host = HOST + ":" + PORT;
            CliRun cycle = CliRun.of("exec", host, "power", "state=cycle", "-u", "admin", "--password-file",
                    pw.toString(), "--report-dir", dir.resolve("cycle").toString());
            assertEquals(0, cycle.exit(), cycle.toString());
            Path run = dir.resolve("run");
            CliRun console = CliRun.of("exec", host, "console", "until=login:", "timeout=20s", "-u", "admin",
                    "--password-file", pw.toString(), "--report-dir", run.toString());
            assertEquals(0, console.exit(), console.toString());

            Path log = run.resolve("console").resolve("127.0.186.1_18300.log");
            String raw = Files.readString(log, StandardCharsets.ISO_8859_1);
            // "login:" and not "login: ": the prompt's trailing space may come in the SOL packet after the match.
            assertTrue(raw.contains("\u001b[2J") && raw.contains("POST: CPU") && raw.contains("login:"),
                    "raw, escape sequences kept: " + raw.replace("\u001b", "<ESC>"));
            List<String> timing = Files.readAllLines(run.resolve("console").resolve("127.0.186.1_18300.timing"));
            assertTrue(timing.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z 0 # console opened, until /login:/"),
                    timing.toString());
            long logged = timing.stream().filter(l -> l.matches("\\S+ \\d+ \\d+"))
                    .mapToLong(l -> Long.parseLong(l.split(" ")[2])).sum();
            assertEquals(Files.size(log), logged, "the timing lines account for every byte: " + timing);
            assertTrue(timing.get(timing.size() - 1).endsWith("# matched"), timing.toString());

            String report = Files.readString(run.resolve("report.json"));
            assertTrue(java.util.regex.Pattern.compile("\"log\"\\s*:\\s*\"console/127\\.0\\.186\\.1_18300\\.log\"")
                    .matcher(report).find(), "log named in the result: " + report);
            String junit = Files.readString(run.resolve("junit.xml"));
            assertTrue(junit.contains("<system-out>") && junit.contains("simhost login:"), junit);
            assertTrue(!junit.contains("\u001b"), "system-out has the text without escape sequences");
        }
    }
}
