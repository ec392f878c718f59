package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.session.ActiveSession;
import io.ipmirunner.ipmi.session.Login;
import io.ipmirunner.ipmi.session.Step;
import io.ipmirunner.ipmi.transport.EventLoop;
import io.ipmirunner.ipmi.wire.LanPacket;
import java.util.function.Consumer;

/**
 * Drives one pure {@link Login} machine with real time: sends what it asks, retransmits with back-off, gives
 * each exchange (phase) the timeout and the whole login three timeouts at most, then reports the outcome.
 * Loop thread only.
 */
final class LoginExchange {
    /** How a login ended; exactly one of these is called, once. */
    interface Outcome {
        void established(ActiveSession session, long loginNanos);

        void failed(IpmiException failure, ActiveSession openSession);
    }

    private final Login login;
    private final Timing timing;
    private final EventLoop loop;
    private final Consumer<byte[]> send;
    private final EngineStats stats;
    private final Outcome outcome;
    private final long loginStart = System.nanoTime();
    private boolean heard;
    private Object exchangePhase;
    private long exchangeStart;
    private int exchangeAttempts;
    private long rto;
    private EventLoop.Timer retransmitTimer;
    private EventLoop.Timer deadlineTimer;

    LoginExchange(Login login, Timing timing, EventLoop loop, Consumer<byte[]> send, EngineStats stats,
                  boolean heardBefore, Outcome outcome) {
        this.login = login;
        this.timing = timing;
        this.loop = loop;
        this.send = send;
        this.stats = stats;
        this.heard = heardBefore;
        this.outcome = outcome;
    }

    void start() {
        step(login.start());
    }

    void onPacket(LanPacket packet) {
        heard = true;
        step(login.onPacket(packet));
    }

    /** Stops the timers; the outcome is not reported (the caller is shutting the session down). */
    void cancel() {
        cancelTimer(retransmitTimer);
        cancelTimer(deadlineTimer);
    }

    private void step(Step s) {
        switch (s) {
            case Step.Send send -> transmit(send.datagram());
            case Step.SendLater later -> {
                cancelTimer(retransmitTimer);
                retransmitTimer = loop.schedule(later.delayMillis(), () -> transmit(later.datagram()));
            }
            case Step.Wait w -> stats.dropped.increment();
            case Step.Established e -> {
                cancel();
                outcome.established(e.session(), System.nanoTime() - loginStart);
            }
            case Step.Failed f -> {
                cancel();
                outcome.failed(f.failure(), f.openSession());
            }
        }
    }

    private void transmit(byte[] datagram) {
        if (login.phase() != exchangePhase) {
            exchangePhase = login.phase();
            exchangeStart = System.nanoTime();
            exchangeAttempts = 0;
            rto = timing.retransmitMillis();
            cancelTimer(deadlineTimer);
            deadlineTimer = loop.schedule(Math.min(timing.timeoutMillis(), budgetLeft()), this::deadline);
        }
        exchangeAttempts++;
        if (exchangeAttempts > 1) {
            stats.retransmits.increment();
        }
        send.accept(datagram);
        cancelTimer(retransmitTimer);
        long wait = rto;
        rto = timing.backoff(rto);
        retransmitTimer = loop.schedule(wait, () -> step(login.onTimeout()));
    }

    /** A whole login may take three exchange timeouts (restarts included), never more. */
    private long budgetLeft() {
        long used = (System.nanoTime() - loginStart) / 1_000_000;
        return Math.max(1, 3 * timing.timeoutMillis() - used);
    }

    private void deadline() {
        cancelTimer(retransmitTimer);
        long waited = (System.nanoTime() - exchangeStart) / 1_000_000;
        step(login.onDeadline(waited, exchangeAttempts, heard));
    }

    private static void cancelTimer(EventLoop.Timer t) {
        if (t != null) {
            t.cancel();
        }
    }
}
