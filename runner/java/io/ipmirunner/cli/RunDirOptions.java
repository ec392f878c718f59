package io.ipmirunner.cli;

import io.ipmirunner.executor.Resume;
import io.ipmirunner.inventory.HostPattern;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.run.History;
import io.ipmirunner.run.Run;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** Where a run writes (journal, reports) and what an earlier run's journal gives it: play and exec alike. */
public final class RunDirOptions {
    @Option(names = "--report-dir", paramLabel = "DIR", description = "run directory for journal.jsonl and the "
            + "reports (default reports/out/TIMESTAMP-PLAYBOOK, or TIMESTAMP-exec-MODULE)")
    Path reportDir;

    @Option(names = "--runs-dir", paramLabel = "DIR", description = "where run directories go without --report-dir "
            + "(DIR/TIMESTAMP-NAME; default reports/out in a checkout, ~/.local/state/ipmi-runner/runs installed)")
    Path runsDir;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "continue that run: results in its journal are replayed, not run again")
    Path resumeDir;

    @Option(names = "--retry-failed", paramLabel = "RUN_DIR",
            description = "run again only on the hosts that failed or were unreachable in that run's journal")
    Path retryFailed;

    @Option(names = "--failure-class", paramLabel = "CLASS", split = ",",
            description = "with --retry-failed: only hosts whose failure was of these classes (unreachable, auth, "
                    + "timeout, completion_code, assertion, unsupported, ...)")
    Set<String> failureClasses = new LinkedHashSet<>();

    /** A resumed run goes on in its own directory. */
    Path runDir(String name) {
        return resumeDir != null ? resumeDir
                : reportDir != null ? reportDir : Run.defaultDir(Optional.ofNullable(runsDir), name);
    }

    Resume resume(PrintStream notes) {
        return History.resume(Optional.ofNullable(resumeDir), notes);
    }

    boolean retrying() {
        return retryFailed != null;
    }

    /**
     * This run's limit: with --retry-failed the earlier run's failed hosts within {@code limit} (empty when
     * none is left, and then there is nothing to run), else {@code limit} itself.
     */
    Optional<HostPattern> limit(Inventory inventory, Optional<HostPattern> limit) {
        if (retryFailed == null) {
            if (!failureClasses.isEmpty()) {
                throw new UserError(ExitCodes.BAD_OPTIONS, "--failure-class needs --retry-failed RUN_DIR");
            }
            return limit;
        }
        return History.retryLimit(retryFailed, failureClasses, inventory, limit);
    }

    String nothingToRetry() {
        return "retry: no host failed in " + retryFailed;
    }
}
