package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.report.SyntheticRun;
import io.ipmirunner.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report RUN_DIR} and {@code report diff}: outputs, exit codes, one-line errors. */
class ReportCommandTest {
    @Test
    void rendersAgainFromTheJournal(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        SyntheticRun.write(run, 8, "1.0", true);
        CliRun all = CliRun.of("report", run.toString());
        assertEquals(0, all.exit(), all.toString());
        assertTrue(Files.exists(run.resolve("report.html")) && Files.exists(run.resolve("junit.xml")));
        CliRun json = CliRun.of("report", run.toString(), "--format", "json");
        assertEquals(8, ((Map<?, ?>) ((Map<?, ?>) Json.parse(json.out())).get("hosts")).size());
        Path csv = dir.resolve("assets.csv");
        assertEquals(0, CliRun.of("report", run.toString(), "--template",
                Path.of(System.getProperty("ipmirunner.root", "."), "reports", "csv-inventory.ftl").toString(), "-o",
                csv.toString()).exit());
        assertEquals(9, Files.readAllLines(csv).size());
        CliRun bad = CliRun.of("report", run.toString(), "--format", "pdf");
        assertEquals(ExitCodes.BAD_OPTIONS, bad.exit());
        assertTrue(bad.err().contains("--format must be one of html|json|junit|csv"), bad.toString());
        CliRun missing = CliRun.of("report", dir.resolve("nothing").toString());
        assertEquals(ExitCodes.BAD_OPTIONS, missing.exit());
        assertEquals(1, missing.err().lines().count(), "one line, no stack trace: " + missing.err());
    }

    @Test
    void diffExitsTwoOnDrift(@TempDir Path dir) throws Exception {
        SyntheticRun.write(dir.resolve("a"), 8, "1.0", true);
        SyntheticRun.write(dir.resolve("b"), 8, "2.0", true);
        CliRun same = CliRun.of("report", "diff", dir.resolve("a").toString(), dir.resolve("a").toString());
        assertEquals(0, same.exit(), same.toString());
        assertTrue(same.out().contains("0 of 8 hosts differ"), same.toString());
        Path html = dir.resolve("drift.html");
        CliRun drift = CliRun.of("report", "diff", dir.resolve("a").toString(), dir.resolve("b").toString(), "--html",
                html.toString());
        assertEquals(ExitCodes.HOST_FAILED, drift.exit(), drift.toString());
        assertTrue(drift.out().contains("node0001\n  firmware firmware: 1.0 -> 2.0"), drift.toString());
        assertTrue(Files.readString(html).contains("<b>7</b> of 8 hosts differ"));
        CliRun json = CliRun.of("report", "diff", dir.resolve("a").toString(), dir.resolve("b").toString(), "--json");
        assertEquals(ExitCodes.HOST_FAILED, json.exit(), json.toString());
        Map<?, ?> parsed = (Map<?, ?>) Json.parse(json.out());
        assertEquals(7L, ((Number) parsed.get("hosts_with_drift")).longValue(), json.out());
        assertEquals(8L, ((Number) parsed.get("compared")).longValue(), json.out());
        assertEquals(Map.of("host", "node0001", "area", "firmware", "key", "firmware", "before", "1.0", "after", "2.0"),
                ((List<?>) parsed.get("drifts")).getFirst(), json.out());
    }

    @Test
    void diffOfTwoPlaysOnASimulatedRackShowsTheNewUserOnly(@TempDir Path dir) throws Exception {
        Path inv = Files.writeString(dir.resolve("rack.yml"), """
                all:
                  vars: {ipmi_simulated: true, ipmi_user: admin}
                  hosts:
                    d1:
                """);
        String read = """
                - hosts: all
                  tasks:
                    - {name: Users, users: }
                    - {name: Firmware, mc_info: }
                """;
        Path a = Files.writeString(dir.resolve("a.yml"), read);
        Path b = Files.writeString(dir.resolve("b.yml"), read.replace("  tasks:\n", """
                  tasks:
                    - name: Add an operator
                      user: {id: 3, name: newops, privilege: operator, enabled: true}
                """));
        assertEquals(0, CliRun.of("play", a.toString(), "-i", inv.toString(), "--report-dir",
                dir.resolve("ra").toString()).exit());
        assertEquals(0, CliRun.of("play", b.toString(), "-i", inv.toString(), "--report-dir",
                dir.resolve("rb").toString()).exit());
        CliRun d = CliRun.of("report", "diff", dir.resolve("ra").toString(), dir.resolve("rb").toString());
        assertEquals(ExitCodes.HOST_FAILED, d.exit(), d.toString());
        assertTrue(d.out().endsWith("d1\n  users users.users.3.name: operator -> newops\n"),
                "the user write itself is not drift, the listing after it is: " + d.out());
    }
}
