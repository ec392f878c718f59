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
 * {@code report RUN_DIR}: renders a run's reports again from its journal (report.html, report.json, junit.xml
 * in the run directory), or one format or a user's FreeMarker template to stdout / {@code -o FILE}.
 * {@code report diff RUN_A RUN_B}: see {@link ReportDiffCommand}; {@code report merge}: {@link ReportMergeCommand}.
 */
@Command(name = "report", mixinStandardHelpOptions = true, subcommands = {ReportDiffCommand.class,
        ReportMergeCommand.class}, description = "Render a run's reports again from its journal; 'report diff A B' "
        + "shows drift between runs; 'report merge DIR...' makes one report of a sharded run.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR", description = "a run directory (journal.jsonl)")
    Path runDir;

    @Option(names = "--format", paramLabel = "FORMAT", description = "html|json|junit|csv, to stdout (or -o)")
    String format;

    @Option(names = "--template", paramLabel = "FILE.ftl", description = "a FreeMarker template of your own")
    Path template;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write there instead of stdout")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (runDir == null) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "report: a run directory is required (report RUN_DIR, or "
                    + "report diff RUN_A RUN_B)");
        }
        if (format != null && template != null) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "report: --format and --template exclude each other");
        }
        if (format != null && !Reports.FORMATS.contains(format)) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "report: --format must be one of "
                    + String.join("|", Reports.FORMATS) + ", got '" + format + "'");
        }
        try {
            if (format == null && template == null) {
                System.out.println("report: " + Reports.writeAll(runDir) + " (and report.json, junit.xml)");
                return ExitCodes.OK;
            }
            emit(template != null ? Reports.render(runDir, template) : Reports.render(runDir, format), output);
            return ExitCodes.OK;
        } catch (ReportException e) {
            throw userError("report: ", e);
        }
    }

    static UserError userError(String command, ReportException e) {
        int exit = switch (e.kind()) {
            case MISSING, MISMATCH -> ExitCodes.BAD_OPTIONS;
            case DAMAGED -> ExitCodes.PARSE_ERROR;
            case FAILED -> ExitCodes.ERROR;
        };
        return new UserError(exit, command + e.getMessage());
    }

    static void emit(String text, Path output) throws IOException {
        if (output == null) {
            System.out.print(text);
            System.out.flush();
        } else {
            Reports.write(output, text);
        }
    }
}
