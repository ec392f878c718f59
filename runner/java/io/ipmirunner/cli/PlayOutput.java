package io.ipmirunner.cli;

import io.ipmirunner.executor.RunEvent;
import io.ipmirunner.run.Run;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What play prints: on a terminal a live status area with failures (every host line with -v) scrolling
 * above it; otherwise, or with --no-progress, plain lines for every host as before.
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
        return new PlayOutput(live, live.map(l -> new PlayPrinter(interrupted, l::println, Verbosity.level() >= 1))
                .orElseGet(() -> new PlayPrinter(interrupted)), interrupted);
    }

    @Override
    public void on(RunEvent event) {
        live.ifPresent(l -> l.on(event));
        printer.on(event);
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
