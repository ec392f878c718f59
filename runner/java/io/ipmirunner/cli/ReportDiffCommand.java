package io.ipmirunner.cli;

import io.ipmirunner.report.ReportException;
import io.ipmirunner.report.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code report diff RUN_A RUN_B [--json] [--html FILE]}: what changed between two runs in FRU, firmware, users
 * and settings, as text (or JSON) on stdout and, with {@code --html}, as a page. Exit 0 without drift, 2 with
 * drift, so a nightly job can alert on it.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Drift between two runs (FRU, firmware, users, settings); exit 2 when there is some.")
public final class ReportDiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_A", description = "the earlier run directory")
    Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "the later run directory")
    Path runB;

    @Option(names = "--html", paramLabel = "FILE", description = "also write the drift as an HTML page")
    Path html;

    @Option(names = "--json", description = "print the drift as JSON (run_a, run_b, compared, hosts_with_drift, "
            + "only_in_a, only_in_b, drifts: host, area, key, before, after) instead of text")
    boolean json;

    @Override
    public Integer call() throws IOException {
        try {
            Reports.Diff d = Reports.diff(runA, runB);
            System.out.print(json ? d.json() + "\n" : d.text());
            if (html != null) {
                ReportCommand.emit(d.html(), html);
                (json ? System.err : System.out).println("html: " + html);
            }
            return d.hostsWithDrift() > 0 ? ExitCodes.HOST_FAILED : ExitCodes.OK;
        } catch (ReportException e) {
            throw ReportCommand.userError("report diff: ", e);
        }
    }
}
