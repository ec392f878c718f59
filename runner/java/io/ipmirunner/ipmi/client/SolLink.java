package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.sol.SolEffect;
import io.ipmirunner.ipmi.sol.SolMachine;
import io.ipmirunner.ipmi.sol.SolPacket;
import io.ipmirunner.ipmi.transport.EventLoop;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.PayloadType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The I/O edge of one SOL link: feeds the session's SOL payloads and timer expiries to {@link SolMachine} on
 * the engine's loop, sends what it asks, and keeps the host's output in a bounded buffer that readers on
 * other threads drain. When the buffer is full the machine accepts fewer characters (a partial ack), so a slow
 * reader slows the BMC down instead of losing text. Payloads that arrive before {@link #start} (between
 * Activate Payload's execution and its reply reaching us) are held, a few at most, and replayed.
 */
final class SolLink implements PayloadRoute.Port {
    private static final int EARLY_PAYLOADS = 16;
    /**
     * A console may sit silent for hours while the host prints nothing, and a BMC closes a session idle past
     * its timeout (ipmi_sim: 30 s, which the session's own keep-alive at 30 s does not beat): a Get Device ID
     * this often keeps it open.
     */
    static final long KEEPALIVE_MILLIS = 10_000;

    private final SessionDriver driver;
    private final EventLoop loop;
    private final ArrayDeque<byte[]> early = new ArrayDeque<>();
    private SolMachine machine;
    private EventLoop.Timer timer;
    private EventLoop.Timer keepAlive;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final byte[] in;
    private int inStart;
    private int inLength;
    private String endReason;

    SolLink(SessionDriver driver, EventLoop loop, int bufferBytes) {
        this.driver = driver;
        this.loop = loop;
        this.in = new byte[bufferBytes];
    }

    /** Loop thread: the link's limits are known (Activate Payload answered); the exchange begins. */
    void start(SolMachine.Limits limits) {
        machine = new SolMachine(SolMachine.Role.CONSOLE, limits);
        armKeepAlive();
        byte[] p;
        while ((p = early.poll()) != null) {
            onPayload(p);
        }
    }

    @Override
    public void onPayload(byte[] data) {
        if (machine == null) {
            if (early.size() < EARLY_PAYLOADS) {
                early.add(data);
            }
            return;
        }
        SolPacket p;
        try {
            p = SolPacket.decode(data);
        } catch (MalformedPacketException e) {
            driver.stats.malformed.increment();
            return;
        }
        List<SolEffect> out = new ArrayList<>();
        machine.onPacket(p, room(), out);
        apply(out);
    }

    @Override
    public void onSessionEnded(String reason) {
        end(reason);
    }

    /** Loop thread: stops the exchange; readers see the end once the buffer is drained. */
    void end(String reason) {
        if (machine == null) {
            ended(reason);
            return;
        }
        List<SolEffect> out = new ArrayList<>();
        machine.end(reason, out);
        apply(out);
    }

    private void armKeepAlive() {
        keepAlive = loop.schedule(KEEPALIVE_MILLIS, () -> {
            if (!machine.ended()) {
                // Its failure is the session driver's to handle: a lost session ends this link.
                var spec = Commands.GET_DEVICE_ID;
                driver.submit(new Operation(spec.name() + " (SOL keep-alive)", spec.netFn(), spec.cmd(), new byte[0]));
                armKeepAlive();
            }
        });
    }

    private void onTimer() {
        List<SolEffect> out = new ArrayList<>();
        machine.onTimer(out);
        apply(out);
    }

    private void apply(List<SolEffect> effects) {
        for (SolEffect e : effects) {
            switch (e) {
                case SolEffect.Send s -> driver.sendPayload(PayloadType.SOL, s.packet().encode());
                case SolEffect.Deliver d -> deliver(d.chars());
                case SolEffect.ArmTimer a -> {
                    EventLoop.Timer.cancel(timer);
                    timer = loop.schedule(a.millis(), this::onTimer);
                }
                case SolEffect.CancelTimer c -> EventLoop.Timer.cancel(timer);
                case SolEffect.Drained d -> signal();
                case SolEffect.Ended x -> {
                    EventLoop.Timer.cancel(keepAlive);
                    ended(x.reason());
                }
            }
        }
    }

    // ---- the buffer, shared with readers ----

    private int room() {
        lock.lock();
        try {
            return in.length - inLength;
        } finally {
            lock.unlock();
        }
    }

    private void deliver(byte[] chars) {
        lock.lock();
        try {
            for (byte b : chars) { // the machine never delivers more than room() allowed
                in[(inStart + inLength++) % in.length] = b;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void ended(String reason) {
        lock.lock();
        try {
            if (endReason == null) {
                endReason = reason;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Any thread: waits up to {@code waitMillis} for the host's output; returns the count read, 0 when
     * nothing came in time, -1 once the link has ended and everything was read.
     */
    int read(byte[] buf, long waitMillis) throws InterruptedException {
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(waitMillis);
            while (inLength == 0 && endReason == null && left > 0) {
                left = changed.awaitNanos(left);
            }
            if (inLength == 0) {
                return endReason != null ? -1 : 0;
            }
            int n = Math.min(buf.length, inLength);
            for (int i = 0; i < n; i++) {
                buf[i] = in[(inStart + i) % in.length];
            }
            inStart = (inStart + n) % in.length;
            inLength -= n;
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** Any thread: queues characters for the host, waiting up to {@code waitMillis} for room; returns how many. */
    int write(byte[] data, long waitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        int done = 0;
        while (done < data.length && endReason() == null) {
            int from = done;
            CompletableFuture<Integer> f = new CompletableFuture<>();
            loop.execute(() -> {
                List<SolEffect> out = new ArrayList<>();
                int n = machine == null ? 0 : machine.offer(data, from, data.length - from, out);
                apply(out);
                f.complete(n);
            });
            done += f.join();
            long left = deadline - System.nanoTime();
            if (done == data.length || left <= 0) {
                break;
            }
            lock.lock();
            try {
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            } finally {
                lock.unlock();
            }
        }
        return done;
    }

    /** Any thread: a break on the host's serial port after what was written so far; false once ended. */
    boolean sendBreak() {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        loop.execute(() -> {
            List<SolEffect> out = new ArrayList<>();
            boolean queued = machine != null && machine.sendBreak(out);
            apply(out);
            f.complete(queued);
        });
        return f.join();
    }

    /** Why the link ended, or null while it runs. */
    String endReason() {
        lock.lock();
        try {
            return endReason;
        } finally {
            lock.unlock();
        }
    }
}
