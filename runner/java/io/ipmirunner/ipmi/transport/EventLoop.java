package io.ipmirunner.ipmi.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One platform thread that owns every socket, timer and session state: the design of FreeIPMI's ipmipower
 * poll loop, so thousands of sessions need no locks and no thread each. Other threads hand it work through
 * {@link #execute}; everything else must only be called on the loop thread.
 */
public final class EventLoop implements AutoCloseable {
    /** Bounds the reading before due timers, so that a flood of datagrams cannot hold every timer off. */
    private static final int MAX_READ_PASSES = 16;
    /** Timers run for this long without reading are enough for answers to have come in (see runDueTimers). */
    private static final long READ_AGAIN_NANOS = 1_000_000;
    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final Thread thread;
    /** Monotonic time in nanoseconds: {@link System#nanoTime}, or a test's fake clock. */
    private final LongSupplier clock;
    private volatile boolean running = true;
    private long timerSeq;

    /** A scheduled action; cancelling is O(1) and the heap drops it when it comes due. */
    public static final class Timer implements Comparable<Timer> {
        private final long deadline;
        private final long seq;
        private Runnable action;

        private Timer(long deadline, long seq, Runnable action) {
            this.deadline = deadline;
            this.seq = seq;
            this.action = action;
        }

        public void cancel() {
            action = null;
        }

        /** Cancels {@code t} if there is one: most timers are armed only in some states. */
        public static void cancel(Timer t) {
            if (t != null) {
                t.cancel();
            }
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadline, o.deadline);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    public EventLoop(String name) {
        this(name, System::nanoTime);
    }

    /** A loop whose timers run by {@code clock}: tests move it by hand instead of waiting. */
    EventLoop(String name, LongSupplier clock) {
        this.clock = clock;
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::run);
        thread.start();
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    public void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop()) {
            selector.wakeup();
        }
    }

    /** The loop's time in nanoseconds: what its timers run by, and what the sessions on it are told. */
    public long nanoTime() {
        return clock.getAsLong();
    }

    /** Loop thread only. */
    public Timer schedule(long delayMillis, Runnable action) {
        Timer t = new Timer(clock.getAsLong() + delayMillis * 1_000_000L, timerSeq++, action);
        timers.add(t);
        return t;
    }

    /** Loop thread only: registers a channel whose readiness calls {@code onReadable}. */
    public void register(java.nio.channels.SelectableChannel ch, Consumer<SelectionKey> onReadable) {
        try {
            ch.register(selector, SelectionKey.OP_READ, onReadable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run() {
        while (running) {
            try {
                if (timerDue()) {
                    readWaiting();
                }
                long wait = runDueTimers();
                if (tasks.isEmpty()) {
                    selector.select(wait);
                } else {
                    selector.selectNow();
                }
                dispatchReadyKeys();
                Runnable r;
                while ((r = tasks.poll()) != null) {
                    r.run();
                }
            } catch (IOException | RuntimeException e) {
                // A bug in one handler must not stop every session; it is reported and the loop goes on.
                System.err.println("ipmi-runner: event loop: " + e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void dispatchReadyKeys() {
        var keys = selector.selectedKeys();
        for (SelectionKey k : keys) {
            ((Consumer<SelectionKey>) k.attachment()).accept(k);
        }
        keys.clear();
    }

    private boolean timerDue() {
        Timer t = timers.peek();
        return t != null && t.deadline - clock.getAsLong() <= 0;
    }

    /**
     * Read before timing out: when thousands of answers arrive at once the loop falls behind, and an answer
     * already waiting in a socket must not be taken for a loss (and resent, or a login restarted) by a timer
     * that happens to be handled first. Every socket is read until it is empty, not one batch of each: at
     * 1,000 BMCs a socket held more answers than a batch, and the timers of those left unread fired.
     */
    private void readWaiting() throws IOException {
        for (int pass = 0; pass < MAX_READ_PASSES && selector.selectNow() > 0; pass++) {
            dispatchReadyKeys();
        }
    }

    /**
     * Runs due timers; returns how long to wait for the next one (0 = forever, as select() takes it). Once the
     * timers run so far took {@link #READ_AGAIN_NANOS} (a thousand retransmissions are each encrypted), what
     * arrived meanwhile is read before the next one: its answer may be among it, and cancels it.
     */
    private long runDueTimers() throws IOException {
        long now = clock.getAsLong();
        long readAt = now;
        Timer t;
        while ((t = timers.peek()) != null && t.deadline - now <= 0) {
            if (clock.getAsLong() - readAt >= READ_AGAIN_NANOS) {
                readWaiting();
                readAt = clock.getAsLong();
                continue; // the head may have been cancelled, or an earlier one added
            }
            timers.poll();
            Runnable a = t.action;
            if (a != null) {
                t.action = null;
                a.run();
            }
        }
        if (t == null) {
            return 0;
        }
        return Math.max(1, (t.deadline - now + 999_999) / 1_000_000);
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
            selector.close();
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
