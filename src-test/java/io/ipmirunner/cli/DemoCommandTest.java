package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("ipmirunner.root", "."));

    @Test
    void demoRunsTheShippedBringUpPlaybookOnASimulatedRack(@TempDir Path dir) throws Exception {
        Path inv = dir.resolve("rack.yml");
        Files.writeString(inv, """
                all:
                  vars: {ipmi_simulated: true}
                  hosts:
                    bmc[1:12]:
                """);
        // 12 hosts: more than the destructive-task threshold, and no terminal to confirm on; a rack this
        // process simulates itself needs nobody's yes.
        CliRun r = CliRun.of("demo", "-i", inv.toString(), "--report-dir", dir.resolve("run").toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("TASK [Wait for power]"), r.toString());
        assertTrue(r.out().matches("(?s).*bmc12\\s+: ok=14\\s+changed=2\\s+unreachable=0\\s+failed=0.*"), r.toString());
        assertTrue(Files.readString(dir.resolve("run").resolve("journal.jsonl")).contains("\"serial\""),
                "the journal holds the FRU results");
        assertTrue(r.out().contains("report: " + dir.resolve("run").resolve("report.html")), "the report path is printed");
        assertTrue(Files.readString(dir.resolve("run").resolve("report.json")).contains("\"board_serial\": \"MB"),
                "report.json holds the FRU serials as inventory");
    }

    @Test
    void execRunsAgainstTheShippedSimulatedRackWithNothingElseRunning() {
        String inv = ROOT.resolve("inventory-examples").resolve("simulated-rack.yml").toString();
        CliRun r = CliRun.of("exec", "-i", inv, "rack_b", "power", "--json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(12, r.out().split("\"status\": \"ok\"", -1).length - 1, r.toString());
        assertTrue(r.out().contains("\"rack-b-bmc12\""), r.toString());
    }
}
