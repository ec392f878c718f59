package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.client.SolConsole;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host's console read continuously between {@code console capture=start} and {@code capture=stop}, so that
 * nothing the host prints between two tasks (a power cycle, then the wait for "login:") is lost: a virtual
 * thread drains the SOL link into the run's console log and two texts, the whole capture and what no
 * expectation has consumed yet. {@link #expect} matches the unconsumed text and consumes it up to the match's
 * end, as expect(1) does.
 *
 * <p>A link that drops while the capture runs (the BMC resets during a power cycle, its session is lost) is
 * opened again every {@value #REOPEN_PAUSE_MILLIS} ms for up to
 * {@value #REOPEN_WINDOW_MILLIS} ms: the log marks where it dropped and where it came back (the gap is what the
 * host printed while no console was there, unless the BMC kept it). Only when that window passes does the
 * capture end. It is opened again with policy fail whatever the capture's: a console that took the instance
 * over is not taken back every two seconds, and the instance of our own lost session is freed by the BMC when
 * that session times out.
 */
final class ConsoleCapture implements AutoCloseable {
    /** A BMC's firmware takes seconds to minutes to come back from a reset. */
    static final long REOPEN_WINDOW_MILLIS = 10 * 60_000;
    static final long REOPEN_PAUSE_MILLIS = 2_000;

    private final Bmc bmc;
    private volatile SolConsole console;
    private final ConsoleLog log;
    private final ConsoleText whole = new ConsoleText(ConsoleModule.TEXT_CAP);
    private final ConsoleText unread = new ConsoleText(ConsoleModule.TEXT_CAP);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Thread drain;
    private volatile boolean stopping;
    private String ended;

    private ConsoleCapture(Bmc bmc, SolConsole console, ConsoleLog log) {
        this.bmc = bmc;
        this.console = console;
        this.log = log;
        this.drain = Thread.ofVirtual().name("console-capture-" + console.host()).start(this::drain);
    }

    static ConsoleCapture start(Bmc bmc, SolConsole.WhenActive policy, Optional<Path> runDir) throws IpmiException {
        SolConsole console = SolConsole.open(bmc, policy);
        ConsoleLog log = null;
        try {
            log = runDir.map(d -> ConsoleLog.open(d, bmc.host())).orElse(null);
            if (log != null) {
                log.mark(Instant.now(), "capture started");
            }
            return new ConsoleCapture(bmc, console, log);
        } catch (IOException | RuntimeException e) {
            console.close();
            throw new IllegalStateException("cannot start the console log of " + bmc.host() + ": " + e.getMessage(), e);
        }
    }

    Optional<String> log() {
        return Optional.ofNullable(log).map(ConsoleLog::relative);
    }

    private void drain() {
        byte[] buf = new byte[4096];
        try {
            while (!stopping) {
                int n = console.read(buf, 250);
                if (n < 0) {
                    String why = console.ended().orElse("the SOL link ended");
                    if (!reopen(why)) {
                        return;
                    }
                    continue;
                }
                if (n > 0) {
                    if (log != null) {
                        log.write(buf, n, Instant.now());
                    }
                    lock.lock();
                    try {
                        whole.append(buf, 0, n);
                        unread.append(buf, 0, n);
                        arrived.signalAll();
                    } finally {
                        lock.unlock();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            finish("the console log could not be written: " + e.getMessage());
        }
    }

    /** Opens the console again after {@code why}; false (the capture has ended) when stopped or out of time. */
    private boolean reopen(String why) throws IOException, InterruptedException {
        mark("link dropped (" + why + "); opening it again");
        console.close();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REOPEN_WINDOW_MILLIS);
        String last = why;
        while (!stopping && System.nanoTime() < deadline) {
            try {
                SolConsole again = SolConsole.open(bmc, SolConsole.WhenActive.FAIL);
                lock.lock();
                try {
                    if (stopping) { // close() came while it opened: it is not left open behind the capture
                        again.close();
                        break;
                    }
                    console = again;
                } finally {
                    lock.unlock();
                }
                mark("link open again");
                return true;
            } catch (IpmiException e) {
                last = e.getMessage();
            }
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REOPEN_PAUSE_MILLIS);
            while (!stopping && System.nanoTime() < until) {
                Thread.sleep(50);
            }
        }
        String end = stopping ? why : "the SOL link dropped (" + why + ") and could not be opened again within "
                + REOPEN_WINDOW_MILLIS / 1000 + " s: " + last;
        if (!stopping) {
            mark(end);
        }
        finish(end);
        return false;
    }

    private void mark(String event) throws IOException {
        if (log != null) {
            log.mark(Instant.now(), event);
        }
    }

    private void finish(String why) {
        lock.lock();
        try {
            ended = why;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code p} matches the text not yet consumed, at most {@code waitNanos}; returns the match
     * (the text is consumed up to its end) or empty. {@code ended} receives why the link ended, if it did.
     */
    Optional<String> expect(Pattern p, long waitNanos, StringBuilder seen, StringBuilder endedWhy)
            throws InterruptedException {
        long deadline = System.nanoTime() + waitNanos;
        lock.lock();
        try {
            while (true) {
                String text = unread.text();
                Matcher m = p.matcher(text);
                if (m.find()) {
                    seen.append(text, 0, m.end());
                    unread.dropFirst(m.end());
                    return Optional.of(m.group());
                }
                long left = deadline - System.nanoTime();
                if (ended != null || left <= 0) {
                    seen.append(text);
                    unread.dropFirst(text.length());
                    if (ended != null) {
                        endedWhy.append(ended);
                    }
                    return Optional.empty();
                }
                arrived.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(250)));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Types {@code chars} into the console; returns how many were queued within {@code waitMillis}. */
    int write(byte[] chars, long waitMillis) throws InterruptedException {
        return console.write(chars, waitMillis);
    }

    /** The whole capture's text (the last {@value ConsoleModule#TEXT_CAP} characters). */
    String text() {
        lock.lock();
        try {
            return whole.text();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        lock.lock();
        try {
            stopping = true;
        } finally {
            lock.unlock();
        }
        drain.join(TimeUnit.SECONDS.toMillis(2));
        lock.lock();
        try {
            console.close();
        } finally {
            lock.unlock();
        }
        if (log != null) {
            try (log) {
                log.mark(Instant.now(), "capture stopped" + (ended != null ? " (" + ended + ")" : ""));
            }
        }
    }
}
