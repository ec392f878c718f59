package io.ipmirunner.cli;

import io.ipmirunner.executor.RunEvent;
import io.ipmirunner.executor.RunListener;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What play prints: on a terminal a live status area with failures (every host line with -v) scrolling
 * above it; otherwise, or with --no-progress, plain lines for every host as before.
 */
final class PlayOutput implements RunListener, AutoCloseable {
    private final Optional<LiveProgress> live;
    private final PlayPrinter printer;

    private PlayOutput(Optional<LiveProgress> live, PlayPrinter printer) {
        this.live = live;
        this.printer = printer;
    }

    static PlayOutput open(boolean noProgress, AtomicBoolean interrupted) {
        Optional<LiveProgress> live = noProgress || !Tty.stdout() ? Optional.empty()
                : LiveProgress.open(Clock.systemUTC());
        return new PlayOutput(live, live.map(l -> new PlayPrinter(interrupted, l::println, Verbosity.level() >= 1))
                .orElseGet(() -> new PlayPrinter(interrupted)));
    }

    @Override
    public void on(RunEvent event) {
        live.ifPresent(l -> l.on(event));
        printer.on(event);
    }

    /** Takes the status area down (also from the Ctrl-C hook, which halts before the try block ends). */
    void stop() {
        live.ifPresent(LiveProgress::close);
    }

    @Override
    public void close() {
        stop();
    }
}
