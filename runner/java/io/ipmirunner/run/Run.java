package io.ipmirunner.run;

import io.ipmirunner.executor.Journal;
import io.ipmirunner.executor.Logins;
import io.ipmirunner.executor.PlaybookRunner;
import io.ipmirunner.executor.RunEvent;
import io.ipmirunner.executor.RunListener;
import io.ipmirunner.executor.RunOptions;
import io.ipmirunner.executor.TaskGate;
import io.ipmirunner.install.InstallRoot;
import io.ipmirunner.inventory.Host;
import io.ipmirunner.inventory.HostPattern;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.modules.Modules;
import io.ipmirunner.ipmi.client.Timing;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.playbook.graph.TaskGraph;
import io.ipmirunner.report.EndOfRun;
import io.ipmirunner.secret.Decrypter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of a playbook, set up as play and exec both need it: connection targets and credentials for the
 * selected hosts (simulated ones started first), one IPMI client, {@code RUN_DIR/journal.jsonl}, the Ctrl-C
 * hook, and report.html, report.json and junit.xml at the end. A command maps its options to a {@link Spec}
 * and prints through an {@link Output}; it never sees the client or the journal.
 */
public final class Run {
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private Run() {}

    /** How to reach the BMCs: the command line's defaults, which the inventory's connection variables override. */
    public record Connection(SessionConfig defaults, int defaultPort, Timing timing, Decrypter vault) {}

    /**
     * What to run.
     *
     * @param hosts the hosts sessions are prepared for, selected once ({@link Targets#hosts})
     * @param notes where the lines about the run go (resume:, journal:, report:): exec's stdout is its result
     * @param oneTask every host has one task to run (exec): its session closes with its result, not at the end
     *     of the run, so no more than forks sessions hold a BMC's few slots and the engine's memory at once
     */
    public record Spec(TaskGraph graph, Inventory inventory, List<Host> hosts, Optional<HostPattern> limit,
                       RunOptions options, Path runDir, RunEvent.RunStarted started, PrintStream notes,
                       boolean oneTask) {}

    /** What shows the run's events; closed when the run ends, before the reports are written. */
    public interface Output extends RunListener, AutoCloseable {
        /** Ctrl-C cut the run short: nothing more to print about hosts. */
        void interrupted();

        @Override
        void close();
    }

    /** @param engine the IPMI engine's counters at the end (shown with -v) */
    public record Result(Map<String, RunEvent.Recap> recap, String engine) {
        public int exitCode() {
            return RunExit.of(recap);
        }
    }

    /**
     * Runs {@code spec} and returns its recap; on Ctrl-C or SIGTERM exits the JVM with 99 instead, once running
     * tasks had their grace period, sessions are closed and the (partial) reports written.
     */
    public static Result execute(Spec spec, Connection connection, Output output, TaskGate gate)
            throws IOException, InterruptedException {
        PrintStream notes = spec.notes();
        AtomicReference<Journal> journalNow = new AtomicReference<>();
        EndOfRun reports = new EndOfRun(spec.runDir(), notes, System.err,
                () -> Optional.ofNullable(journalNow.get()).flatMap(Journal::wholeRun));
        CountDownLatch finished = new CountDownLatch(1);
        Map<String, RunEvent.Recap> recap;
        String engine;
        // A password that cannot be read fails here, before a run directory exists to report on.
        try (Targets.Selection selection = Targets.select(spec.hosts(), connection.defaults(),
                connection.defaultPort(), connection.vault())) {
            Map<String, BmcTarget> targets = new HashMap<>();
            selection.targets().forEach(t -> targets.put(t.name(), t));
            Journal journal = openJournal(spec.runDir());
            journalNow.set(journal);
            IpmiClient client = IpmiClient.create(IpmiClient.Options.defaults().withTiming(connection.timing()));
            Logins logins = new Logins(client, selection.logins());
            Map<String, BmcSession> doneWith = new ConcurrentHashMap<>();
            try (journal; output) {
                journal.on(spec.started());
                output.on(spec.started());
                PlaybookRunner runner = new PlaybookRunner(spec.options(), Modules.forRun(spec.runDir()), host -> {
                    BmcTarget t = targets.get(host);
                    if (t.address().isUnresolved()) {
                        throw IpmiException.Unreachable.unresolved(host, t.address().getHostString());
                    }
                    BmcSession s = logins.open(t);
                    if (spec.oneTask()) {
                        doneWith.put(host, s);
                    }
                    return s;
                }, event -> {
                    RunEvent noted = logins.annotate(event);
                    journal.on(noted);
                    output.on(noted);
                    if (noted instanceof RunEvent.HostResult r && doneWith.remove(r.host()) instanceof BmcSession s) {
                        s.close(); // the runner closes it again at the end: closing twice is closing once
                    }
                }, gate);
                Thread hook = interruptHook(runner, finished, output, reports, client, spec.runDir());
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    recap = runner.run(spec.graph(), spec.inventory(), spec.limit());
                } finally {
                    if (!runner.stopped()) {
                        client.close();
                        Runtime.getRuntime().removeShutdownHook(hook);
                    }
                }
                engine = String.valueOf(client.stats());
            } finally {
                reports.write();
                finished.countDown();
            }
        }
        notes.println("journal: " + spec.runDir().resolve("journal.jsonl"));
        return new Result(recap, engine);
    }

    /** A run directory that cannot be made (--report-dir naming a file) is the user's to fix, before any BMC is asked. */
    private static Journal openJournal(Path runDir) {
        try {
            return new Journal(runDir, Clock.systemUTC());
        } catch (FileSystemException e) {
            String why = e instanceof FileAlreadyExistsException ? "exists and is not a directory"
                    : e.getReason() != null ? e.getReason() : "cannot be created";
            String at = runDir.toString().equals(e.getFile()) ? "" : e.getFile() + ": ";
            throw new SetupError("run directory " + runDir + ": " + at + why);
        } catch (IOException e) {
            throw new SetupError("run directory " + runDir + ": " + e.getMessage());
        }
    }

    /**
     * Ctrl-C or SIGTERM: start nothing new and give running tasks a grace period (a half-done power action is
     * worse than a finished one), then close every session (BMCs have few slots), write the reports, exit 99.
     */
    private static Thread interruptHook(PlaybookRunner runner, CountDownLatch finished, Output output,
                                        EndOfRun reports, IpmiClient client, Path runDir) {
        return Thread.ofPlatform().unstarted(() -> {
            System.err.println("ipmi-runner: stopping: no new tasks; running ones get " + STOP_GRACE.toSeconds()
                    + " s to finish");
            runner.stop();
            try {
                finished.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            output.interrupted();
            reports.write();
            client.close();
            System.err.println("ipmi-runner: interrupted; sessions closed; journal in " + runDir);
            System.out.flush();
            Runtime.getRuntime().halt(RunExit.INTERRUPTED);
        });
    }

    /**
     * {@code TIMESTAMP-NAME} under {@code runs} (--runs-dir, report_dir in the configuration), else under
     * {@link InstallRoot#runs}: where a run goes without --report-dir.
     */
    public static Path defaultDir(Optional<Path> runs, String name) {
        return runs.orElseGet(InstallRoot::runs).resolve(LocalDateTime.now()
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + name);
    }
}
