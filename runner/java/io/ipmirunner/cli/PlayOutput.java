package io.ipmirunner.cli;

import io.ipmirunner.executor.RunEvent;
import io.ipmirunner.run.Run;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What play prints: on a terminal a live status area with failures (task headers and every host line with
 * -v) and one summary line per finished task scrolling above it; otherwise, or with --no-progress, plain
 * lines for every host, with no escape codes.
 */
final class PlayOutput implements Run.Output {
    private final Optional<LiveProgress> live;
    private final PlayPrinter printer;
    private final AtomicBoolean interrupted;

    private PlayOutput(Optional<LiveProgress> live, PlayPrinter printer, AtomicBoolean interrupted) {
        this.live = live;
        this.printer = printer;
        this.interrupted = interrupted;
    }

    static PlayOutput open(boolean noProgress) {
        AtomicBoolean interrupted = new AtomicBoolean();
        Optional<LiveProgress> live = noProgress || !Tty.stdout() ? Optional.empty()
                : LiveProgress.open(Clock.systemUTC());
        boolean verbose = Verbosity.level() >= 1;
        return new PlayOutput(live, live.map(l -> new PlayPrinter(interrupted, l::println, verbose, verbose))
                .orElseGet(() -> new PlayPrinter(interrupted)), interrupted);
    }

    /**
     * A host's line goes out before the live view's summary of the task that result finishes; a play's or
     * the run's end first lets the live view finish its tasks, then the printer writes its recap.
     */
    @Override
    public void on(RunEvent event) {
        if (event instanceof RunEvent.HostResult) {
            printer.on(event);
            live.ifPresent(l -> l.on(event));
        } else {
            live.ifPresent(l -> l.on(event));
            printer.on(event);
        }
    }

    /** Hosts cut short are not shown as failed; the status area goes (the Ctrl-C hook halts the JVM). */
    @Override
    public void interrupted() {
        interrupted.set(true);
        close();
    }

    @Override
    public void close() {
        live.ifPresent(LiveProgress::close);
    }
}
