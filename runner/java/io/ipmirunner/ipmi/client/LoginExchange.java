package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.session.ActiveSession;
import io.ipmirunner.ipmi.session.Login;
import io.ipmirunner.ipmi.session.Step;
import io.ipmirunner.ipmi.transport.EventLoop;
import io.ipmirunner.ipmi.wire.LanPacket;
import java.util.function.Consumer;

/**
 * Drives one pure {@link Login} machine with real time: sends what it asks, retransmits with back-off, gives
 * the whole login (every step, restart and busy wait) one exchange timeout, then reports the outcome.
 * Loop thread only.
 */
final class LoginExchange {
    /** How a login ended; exactly one of these is called, once. */
    interface Outcome {
        void established(ActiveSession session, long loginNanos);

        void failed(IpmiException failure, ActiveSession openSession);
    }

    /**
     * How often a request sent with a blind timeout looks again at the fleet's estimate of its step: the
     * first answers of a thousand BMCs come within a few milliseconds of each other, and a lost datagram
     * should be resent as soon as they say it is late, not at a fixed fraction of the guess.
     */
    static final long BLIND_LOOK_MILLIS = 25;

    private final Login login;
    private final Timing timing;
    private final BmcTimers timers;
    /** The current request's timeout is the initial guess: nobody had measured its step when it went out. */
    private boolean blind;
    private final EventLoop loop;
    private final Consumer<byte[]> send;
    private final EngineStats stats;
    private final Outcome outcome;
    private final long loginStart = System.nanoTime();
    private boolean heard;
    private Phase exchangePhase;
    /** Every datagram the login sent, in all its steps: what a timeout reports. */
    private int loginAttempts;
    private boolean newRequest;
    private long requestStart;
    private int requestSends;
    private long rto;
    private EventLoop.Timer retransmitTimer;
    private EventLoop.Timer deadlineTimer;

    LoginExchange(Login login, Timing timing, BmcTimers timers, EventLoop loop, Consumer<byte[]> send,
                  EngineStats stats, boolean heardBefore, Outcome outcome) {
        this.login = login;
        this.timing = timing;
        this.timers = timers;
        this.loop = loop;
        this.send = send;
        this.stats = stats;
        this.heard = heardBefore;
        this.outcome = outcome;
    }

    void start() {
        // One deadline for the whole login: an operator's --timeout 5 means five seconds to a session, not
        // five per step (three steps and a restart made it 15 s, reported as the last step's 945 ms).
        deadlineTimer = loop.schedule(timing.timeoutMillis(), this::deadline);
        step(login.start());
    }

    void onPacket(LanPacket packet) {
        long rtt = System.nanoTime() - requestStart;
        Step s = login.onPacket(packet);
        if (!(s instanceof Step.Wait)) {
            // Only a reply the login could use says a BMC is there: datagrams that never parse (a bad
            // checksum, another service on the port) leave a BMC that never answered, so unreachable.
            heard = true;
        }
        if (s instanceof Step.Send || s instanceof Step.SendLater || s instanceof Step.Established) {
            if (requestSends == 1 && !login.lastAnswerLate()) {
                // Karn's rule: only a request sent once says how long this BMC takes for this step.
                timers.sample(exchangePhase, rtt);
            }
            // Answered: what goes out next is a new request (the next phase, or the next part of a listing
            // such as Get Channel Cipher Suites), not a retransmission.
            newRequest = true;
        }
        step(s);
    }

    /** Stops the timers; the outcome is not reported (the caller is shutting the session down). */
    void cancel() {
        EventLoop.Timer.cancel(retransmitTimer);
        EventLoop.Timer.cancel(deadlineTimer);
    }

    private void step(Step s) {
        switch (s) {
            case Step.Send send -> transmit(send.datagram());
            case Step.SendLater later -> {
                EventLoop.Timer.cancel(retransmitTimer);
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
            newRequest = true;
        }
        if (newRequest) {
            newRequest = false;
            requestStart = System.nanoTime();
            requestSends = 0;
            rto = timers.rtoMillis(exchangePhase);
            blind = timers.unmeasured(exchangePhase);
        }
        loginAttempts++;
        requestSends++;
        if (requestSends > 1) {
            stats.retransmits.increment();
        }
        send.accept(datagram);
        EventLoop.Timer.cancel(retransmitTimer);
        retransmitTimer = loop.schedule(blind && requestSends == 1 ? Math.min(rto, BLIND_LOOK_MILLIS) : rto,
                this::retransmitTimeout);
    }

    private void retransmitTimeout() {
        if (blind && requestSends == 1) {
            // At fleet start-up every BMC sends this step at once, with nothing measured. Look again at what
            // the neighbours' answers tell of this step, until that (or the guess) has run out.
            long waited = (System.nanoTime() - requestStart) / 1_000_000;
            long late = timers.lateAfterMillis(exchangePhase);
            long due = late < 0 ? rto : Math.min(rto, late);
            if (due > waited) {
                retransmitTimer = loop.schedule(Math.min(due - waited, BLIND_LOOK_MILLIS), this::retransmitTimeout);
                return;
            }
            blind = false;
            // The fleet's answers set this timeout high among their own round trips, so the datagram is far
            // more likely lost than this BMC slow; and if it is slow, the restarted login still takes its
            // late answer. The first retry waits as long again, not twice: a second loss in a row (one login
            // in two thousand at 1% each way, so at start-up of most thousand-BMC runs) otherwise doubled
            // the slowest host's time. Later retries back off as RFC 6298 asks.
            rto = Math.max(due, waited);
            timers.keep(exchangePhase, rto);
        } else {
            rto = timers.backOff(exchangePhase, rto);
        }
        step(login.onTimeout());
    }

    private void deadline() {
        EventLoop.Timer.cancel(retransmitTimer);
        long waited = (System.nanoTime() - loginStart) / 1_000_000;
        step(login.onDeadline(waited, loginAttempts, heard));
    }
}
