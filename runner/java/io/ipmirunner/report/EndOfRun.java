package io.ipmirunner.report;

import io.ipmirunner.executor.JournalCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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

    private final Supplier<Optional<List<JournalCodec.Entry>>> entries;

    /** {@code entries}: the journal's entries when it wrote the whole file ({@code Journal.wholeRun}). */
    public EndOfRun(Path runDir, PrintStream out, PrintStream err,
                    Supplier<Optional<List<JournalCodec.Entry>>> entries) {
        this.runDir = runDir;
        this.out = out;
        this.err = err;
        this.entries = entries;
    }

    public synchronized void write() {
        if (written) {
            return;
        }
        written = true;
        try {
            Path html = Reports.writeAll(runDir, entries.get());
            out.println("report: " + html + " (and report.json, junit.xml)");
        } catch (IOException | RuntimeException e) {
            err.println("ipmi-runner: report not written: " + e.getMessage());
        }
    }
}
