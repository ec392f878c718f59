package io.ipmirunner.cli;

import io.ipmirunner.executor.RunEvent;
import io.ipmirunner.executor.RunListener;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;

/**
 * The live status area at the bottom of the terminal (jline's {@link Status}: a scroll region, so result
 * lines printed meanwhile scroll above it), redrawn four times a second from a {@link ProgressState}.
 */
final class LiveProgress implements RunListener, AutoCloseable {
    private static final long REDRAW_MILLIS = 250;
    private final Terminal terminal;
    private final Status status;
    private final ProgressState state;
    private final Clock clock;
    private final Thread redraw;
    /** Asking an exec terminal its size runs stty: read once (a resized window keeps the old width). */
    private final int width;

    private LiveProgress(Terminal terminal, Status status, Clock clock) {
        this.terminal = terminal;
        this.status = status;
        this.clock = clock;
        this.state = new ProgressState(clock);
        this.width = terminal.getWidth();
        this.redraw = Thread.ofPlatform().daemon().name("progress").start(this::redrawLoop);
    }

    /** A live area on this terminal, or empty when the terminal cannot hold one (dumb, or not a terminal). */
    static java.util.Optional<LiveProgress> open(Clock clock) {
        try {
            // The exec provider (stty) needs no native code, so no JDK native-access warning. No native signal
            // handlers: jline's default for SIGINT would kill the JVM without the Ctrl-C shutdown hook.
            Terminal t = TerminalBuilder.builder().system(true).providers("exec").jni(false).ffm(false).jna(false)
                    .jansi(false).nativeSignals(false).dumb(true).build();
            // A terminal that reports no size (a pty nobody sized) cannot hold a status area.
            boolean usable = !t.getType().startsWith(Terminal.TYPE_DUMB) && t.getWidth() > 0 && t.getHeight() > 0;
            Status s = usable ? Status.getStatus(t) : null;
            if (s == null) {
                t.close();
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new LiveProgress(t, s, clock));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void on(RunEvent event) {
        state.on(event);
    }

    /** A line above the status area. */
    synchronized void println(String line) {
        terminal.writer().println(line);
        terminal.flush();
    }

    private void redrawLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            draw();
            try {
                Thread.sleep(REDRAW_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void draw() {
        List<AttributedString> lines = ProgressView.render(state.snapshot(), clock.instant(), Math.max(40, width))
                .stream()
                .map(AttributedString::new).toList();
        status.update(lines);
    }

    @Override
    public void close() {
        redraw.interrupt();
        try {
            redraw.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            // Closing the terminal closes its status area (once: closing the status too would fail then).
            status.update(List.of());
            terminal.flush();
            try {
                terminal.close();
            } catch (IOException ignored) {
                // the run's output is complete; a terminal that will not restore its mode is the shell's concern
            }
        }
    }
}
