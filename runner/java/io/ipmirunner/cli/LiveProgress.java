package io.ipmirunner.cli;

import io.ipmirunner.executor.RunEvent;
import io.ipmirunner.executor.RunListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.Signals;

/**
 * The live view of a run on a terminal: a status area of fixed height at the bottom of the output, redrawn
 * whole from a {@link ProgressState} four times a second ({@link StatusArea}), with lines that stay in the
 * scrollback printed above it: the run's own lines and one summary line per finished task. A window resize
 * (SIGWINCH) takes effect at the next frame.
 */
final class LiveProgress implements RunListener, AutoCloseable {
    private static final long REDRAW_MILLIS = 250;
    private final Terminal terminal;
    private final PrintWriter out;
    private final ProgressState state;
    private final Clock clock;
    private final Thread redraw;
    private final AtomicBoolean resized = new AtomicBoolean();
    private final Object winch;
    private Size size;
    /** Lines of the frame on the screen now. */
    private int drawn;
    private boolean closed;

    private LiveProgress(Terminal terminal, Clock clock) {
        this.terminal = terminal;
        this.out = terminal.writer();
        this.clock = clock;
        this.state = new ProgressState(clock);
        this.size = terminal.getSize();
        // jline's own signal handling is off (see open); WINCH alone is registered, through jline's wrapper of
        // the JDK's signal API. Asking the size runs stty, so it is asked once per resize, not per frame.
        this.winch = Signals.register("WINCH", () -> resized.set(true));
        this.redraw = Thread.ofPlatform().daemon().name("progress").start(this::redrawLoop);
    }

    /** A live view on this terminal, or empty when the terminal cannot hold one (dumb, or not a terminal). */
    static Optional<LiveProgress> open(Clock clock) {
        try {
            // The exec provider (stty) needs no native code, so no JDK native-access warning. No native signal
            // handlers: jline's default for SIGINT would kill the JVM without the Ctrl-C shutdown hook.
            Terminal t = TerminalBuilder.builder().system(true).providers("exec").jni(false).ffm(false).jna(false)
                    .jansi(false).nativeSignals(false).dumb(true).build();
            // A terminal that reports no size (a pty nobody sized) or too few lines cannot hold the area.
            boolean usable = !t.getType().startsWith(Terminal.TYPE_DUMB) && t.getWidth() > 0
                    && t.getHeight() > ProgressView.HEIGHT;
            if (!usable) {
                t.close();
                return Optional.empty();
            }
            return Optional.of(new LiveProgress(t, clock));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void on(RunEvent event) {
        state.on(event);
        List<ProgressState.TaskTally> done = state.finished();
        if (!done.isEmpty()) {
            printAbove(done.stream().map(ProgressView::summary).toList());
        }
    }

    /** A line (or lines) that stays in the scrollback, above the status area. */
    void println(String text) {
        printAbove(Arrays.asList(text.split("\n", -1)));
    }

    private synchronized void printAbove(List<String> lines) {
        if (closed) {
            return;
        }
        out.print(StatusArea.above(lines, drawn));
        drawLocked();
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
        if (!closed) {
            drawLocked();
        }
    }

    private void drawLocked() {
        if (resized.getAndSet(false)) {
            size = terminal.getSize();
        }
        List<String> lines = ProgressView.render(state.snapshot(), clock.instant(), Math.max(20, size.getColumns()));
        // A window too short for the whole area keeps its first lines (the play and the oldest tasks shown).
        int room = Math.max(1, size.getRows() - 1);
        drawn = Math.min(lines.size(), room);
        out.print(StatusArea.frame(lines.subList(0, drawn)));
        out.flush();
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
            if (closed) {
                return;
            }
            closed = true;
            out.print(StatusArea.erase(drawn));
            out.flush();
            Signals.unregister("WINCH", winch);
            try {
                terminal.close();
            } catch (IOException ignored) {
                // the run's output is complete; a terminal that will not restore its mode is the shell's concern
            }
        }
    }
}
