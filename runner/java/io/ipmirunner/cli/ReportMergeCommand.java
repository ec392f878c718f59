package io.ipmirunner.cli;

import io.ipmirunner.executor.JournalCodec;
import io.ipmirunner.executor.JournalReader;
import io.ipmirunner.executor.RunEvent;
import io.ipmirunner.report.ReportException;
import io.ipmirunner.report.Reports;
import io.ipmirunner.run.MetricsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code report merge RUN_DIR... --report-dir OUT}: one report.html, report.json and junit.xml of a run made in
 * shards ({@code --shard K/N}), from the shards' run directories. Refuses directories of different playbooks
 * or splits, or sharing a host (exit 5).
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "One report of a sharded run, from its shards' run directories.")
public final class ReportMergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "the shards' run directories")
    List<Path> runDirs;

    @Option(names = "--report-dir", required = true, paramLabel = "OUT",
            description = "where the merged reports go (created if missing)")
    Path out;

    @Option(names = "--metrics-file", paramLabel = "PATH", description = "also write the merged run's results and "
            + "readings in Prometheus' text format, as play's --metrics-file does for one run")
    Path metricsFile;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "report merge: --report-dir " + out + " is not a directory");
        }
        try {
            Path html = Reports.merge(runDirs, out);
            System.out.println("report merge: " + runDirs.size() + " run directories -> " + html
                    + " (and report.json, junit.xml)");
            if (metricsFile != null) {
                mergeMetrics();
            }
            return ExitCodes.OK;
        } catch (ReportException e) {
            throw ReportCommand.userError("report merge: ", e);
        }
    }

    /** The shards' journals were read and checked by {@link Reports#merge} already: same playbook, no host twice. */
    private void mergeMetrics() throws IOException {
        List<List<JournalCodec.Entry>> journals = new ArrayList<>();
        String playbook = "";
        for (Path dir : runDirs) {
            List<JournalCodec.Entry> entries = JournalReader.read(dir);
            journals.add(entries);
            for (JournalCodec.Entry e : entries) {
                if (e.event() instanceof RunEvent.RunStarted s) {
                    playbook = Path.of(s.playbook()).getFileName().toString();
                }
            }
        }
        List<Integer> unended = MetricsFile.writeMerged(metricsFile, playbook, journals);
        for (int i : unended) {
            System.err.println("report merge: " + runDirs.get(i) + " did not end (no run_end in its journal): its "
                    + "readings are in " + metricsFile + ", its hosts' task counts are not");
        }
        System.out.println("report merge: metrics -> " + metricsFile);
    }
}
