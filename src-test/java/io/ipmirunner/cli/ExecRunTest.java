package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.inventory.InventoryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** exec as a one-task play: its run directory, reports, --retry-failed and --resume, with exec's own output. */
class ExecRunTest {
    private static final Path ROOT = Path.of(System.getProperty("ipmirunner.root", "."));
    private static final String RACK_WITH_A_WRONG_PASSWORD = """
            all:
              vars: {ipmi_simulated: true, ipmi_user: admin}
              hosts:
                good[1:3]:
                bad:
                  ipmi_password: wrong
            """;

    @Test
    void execOnTheSimulatedRackWritesARunDirectoryWhoseReportListsEveryHost(@TempDir Path dir) throws Exception {
        String inv = ROOT.resolve("inventory-examples").resolve("simulated-rack.yml").toString();
        Path run = dir.resolve("run");
        CliRun r = CliRun.of("exec", "-i", inv, "all", "power", "--json", "--report-dir", run.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().strip().startsWith("{") && r.out().strip().endsWith("}"), "stdout is JSON alone: " + r);
        assertTrue(r.err().contains("journal: " + run.resolve("journal.jsonl")), r.toString());
        assertTrue(r.err().contains("report: " + run.resolve("report.html")), r.toString());
        List<String> hosts = List.copyOf(Inventory.load(List.of(inv), InventoryLoader.Options.defaults()).hosts()
                .keySet());
        String report = Files.readString(run.resolve("report.json"));
        assertTrue(report.contains("\"hosts\": " + hosts.size()), report);
        for (String h : hosts) {
            assertTrue(report.contains("\"" + h + "\""), h + " in report.json");
        }
        assertTrue(Files.exists(run.resolve("junit.xml")) && Files.exists(run.resolve("report.html")));
        assertTrue(Files.readString(run.resolve("journal.jsonl")).contains("\"playbook\":\"exec power\""));
    }

    @Test
    void retryFailedRunsOnlyTheHostsThatFailed(@TempDir Path dir) throws Exception {
        Path inv = Files.writeString(dir.resolve("rack.yml"), RACK_WITH_A_WRONG_PASSWORD);
        Path first = dir.resolve("first");
        CliRun r = CliRun.of("exec", "-i", inv.toString(), "all", "power", "--report-dir", first.toString());
        assertEquals(ExitCodes.HOST_FAILED, r.exit(), r.toString());
        assertTrue(r.out().contains("good[1:3] | OK | state=off\n"), r.toString());
        assertTrue(r.out().contains("bad | FAILED | authentication failed"), r.toString());

        CliRun retry = CliRun.of("exec", "-i", inv.toString(), "all", "power", "--no-collate", "--retry-failed",
                first.toString(), "--report-dir", dir.resolve("second").toString());
        assertEquals(ExitCodes.HOST_FAILED, retry.exit(), retry.toString());
        assertEquals(List.of("bad"), retry.out().lines().map(l -> l.split(" \\| ")[0]).toList(), retry.toString());

        CliRun none = CliRun.of("exec", "-i", inv.toString(), "all", "power", "--json", "--retry-failed",
                first.toString(), "--failure-class", "timeout");
        assertEquals(ExitCodes.OK, none.exit(), none.toString());
        assertTrue(none.err().contains("retry: no host failed in " + first), none.toString());
        assertEquals("{}", none.out().strip(), none.toString());
    }

    @Test
    void resumeReplaysTheJournalsResultsAndKeepsExecsOutput(@TempDir Path dir) throws Exception {
        Path inv = Files.writeString(dir.resolve("rack.yml"), RACK_WITH_A_WRONG_PASSWORD);
        Path run = dir.resolve("run");
        CliRun r = CliRun.of("exec", "-i", inv.toString(), "all", "power", "--report-dir", run.toString());
        assertEquals(ExitCodes.HOST_FAILED, r.exit(), r.toString());

        CliRun resumed = CliRun.of("exec", "-i", inv.toString(), "all", "power", "--resume", run.toString());
        assertEquals(ExitCodes.HOST_FAILED, resumed.exit(), resumed.toString());
        assertTrue(resumed.err().contains("resume: 4 host results"), resumed.toString());
        assertEquals(r.out(), resumed.out(), "the same grouped lines, replayed");
        assertEquals(8, Files.readAllLines(run.resolve("journal.jsonl")).stream()
                .filter(l -> l.contains("\"host_result\"")).count(), "the resumed run journals on in its directory");

        // Another module is another task: nothing of the first run is replayed into it.
        CliRun other = CliRun.of("exec", "-i", inv.toString(), "all", "mc_info", "--resume", run.toString(),
                "--no-collate");
        assertEquals(ExitCodes.HOST_FAILED, other.exit(), other.toString());
        assertTrue(other.out().contains("good1 | OK | "), other.toString());
    }

    @Test
    void literalHostListsHonourMaxInventoryHosts() {
        CliRun r = CliRun.of("exec", "127.0.1.[1:24]", "power", "--max-inventory-hosts", "10");
        assertEquals(ExitCodes.BAD_OPTIONS, r.exit(), r.toString());
        assertTrue(r.err().contains("more than 10"), r.toString());
    }
}
