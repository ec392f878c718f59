package io.ipmirunner.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Writes a run's reports once, whichever comes first: the run's end, or the Ctrl-C handler giving up on
 * running tasks (then the report is partial, as the journal is). A report that cannot be written costs one
 * line on stderr, never the run's exit code.
 */
public final class EndOfRun {
    private final Path runDir;
    private final PrintStream out;
    private final PrintStream err;
    private boolean written;

    public EndOfRun(Path runDir, PrintStream out, PrintStream err) {
        this.runDir = runDir;
        this.out = out;
        this.err = err;
    }

    public synchronized void write() {
        if (written) {
            return;
        }
        written = true;
        try {
            Path html = Reports.writeAll(runDir);
            out.println("report: " + html + " (and report.json, junit.xml)");
        } catch (IOException | RuntimeException e) {
            err.println("ipmi-runner: report not written: " + e.getMessage());
        }
    }
}
