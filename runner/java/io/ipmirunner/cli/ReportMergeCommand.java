package io.ipmirunner.cli;

import io.ipmirunner.report.ReportException;
import io.ipmirunner.report.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "report merge: --report-dir " + out + " is not a directory");
        }
        try {
            Path html = Reports.merge(runDirs, out);
            System.out.println("report merge: " + runDirs.size() + " run directories -> " + html
                    + " (and report.json, junit.xml)");
            return ExitCodes.OK;
        } catch (ReportException e) {
            throw ReportCommand.userError("report merge: ", e);
        }
    }
}
