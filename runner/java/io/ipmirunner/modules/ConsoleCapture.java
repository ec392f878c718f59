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
 */
final class ConsoleCapture implements AutoCloseable {
    private final SolConsole console;
    private final ConsoleLog log;
    private final ConsoleText whole = new ConsoleText(ConsoleModule.TEXT_CAP);
    private final ConsoleText unread = new ConsoleText(ConsoleModule.TEXT_CAP);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Thread drain;
    private volatile boolean stopping;
    private String ended;

    private ConsoleCapture(SolConsole console, ConsoleLog log) {
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
            return new ConsoleCapture(console, log);
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
                    finish(console.ended().orElse("the SOL link ended"));
                    return;
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
        stopping = true;
        drain.join(TimeUnit.SECONDS.toMillis(2));
        console.close();
        if (log != null) {
            try (log) {
                log.mark(Instant.now(), "capture stopped" + (ended != null ? " (" + ended + ")" : ""));
            }
        }
    }
}
