package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.Phase;

/**
 * One request and its transmissions until it is answered: a login step (Get Channel Authentication
 * Capabilities, Open Session, RAKP 1 or 3, Get Session Challenge, Activate Session, Set Session Privilege
 * Level) or a command in the session. Both retransmit, back off and take round-trip samples by the same
 * rules, here: the timeout starts from the BMC's (or the fleet's) estimate for the step ({@link BmcTimers}),
 * a request sent blind looks again at the fleet's answers, a later timeout backs off (RFC 6298 §5.5), and a
 * reply is a sample only when it is known which transmission it answers (Karn's rule, or a fresh rqSeq,
 * {@link Operation#measuredBy}). A timeout counts as a loss only once a request of the same step sent after
 * this one was answered, or nothing was sent after it ({@link BmcTimers#queuedMillis}, RACK's rule).
 * Pure; times in {@link System#nanoTime} units as the caller gives them.
 */
final class Exchange {
    /**
     * How often a request sent with a blind timeout looks again at the fleet's estimate of its step: the
     * first answers of a thousand BMCs come within a few milliseconds of each other, and a lost datagram
     * should be resent as soon as they say it is late, not at a fixed fraction of the guess.
     */
    static final long BLIND_LOOK_MILLIS = 25;

    /** The step whose round trips this request measures and whose estimate times it. */
    final Phase step;
    /** The BMC's timers, told of every transmission: the fleet's send order ({@link BmcTimers#queuedMillis}). */
    private final BmcTimers timers;
    /** When the whole exchange must be over: a command's own deadline, or the login's that all its steps share. */
    private final long deadlineNanos;
    private long rto;
    /** The timeout is the initial guess: nobody had measured the step when the request first went out. */
    private boolean blind;
    /** A timeout waits while the requests sent after this one are unanswered too (false for Close Session). */
    private boolean patient = true;
    private long firstSentAt;
    private long sentAt;
    private int sends;
    /** The rqSeq of the latest transmission, and bit n set for every rqSeq n used (6 bits, IPMI v2.0 §13.8). */
    private int rqSeq;
    private long seqsUsed;

    Exchange(Phase step, BmcTimers timers, long deadlineNanos) {
        this.step = step;
        this.timers = timers;
        this.deadlineNanos = deadlineNanos;
        this.rto = timers.rtoMillis(step);
        this.blind = timers.unmeasured(step);
    }

    /** What is left of the exchange's time at {@code now}: when its deadline timer must run out. */
    long millisLeft(long now) {
        return Math.max(0, (deadlineNanos - now) / 1_000_000);
    }

    /** A transmission went out at {@code now}; returns how long to wait for its answer. */
    long sent(long now) {
        if (sends == 0) {
            firstSentAt = now;
        }
        sends++;
        sentAt = now;
        timers.sent(step, now);
        return blind && sends == 1 ? Math.min(rto, BLIND_LOOK_MILLIS) : rto;
    }

    /** The only transmission of a request whose answer nobody awaits: it tells the fleet's send order nothing. */
    void sentUnawaited(long now) {
        firstSentAt = now;
        sentAt = now;
        sends = 1;
    }

    /** Waits at most {@code maxMillis}, and no blind look: for Close Session, which must not hold a run up. */
    void capRto(long maxMillis) {
        rto = Math.min(rto, maxMillis);
        blind = false;
        patient = false;
    }

    /** The wait after a transmission that is not the request itself (a probe beside it): the current timeout. */
    long rtoMillis() {
        return rto;
    }

    /**
     * The retransmission timer ran out at {@code now}. Returns how long to look again for a request that does
     * not count as lost yet (a blind one the fleet does not call late, or one whose answer may be queued behind
     * its neighbours'), else 0: the request counts as lost and the next wait is set.
     */
    long expired(BmcTimers timers, long now) {
        boolean firstBlind = blind && sends == 1;
        long due = rto;
        if (firstBlind) {
            // At fleet start-up every BMC sends this step at once, with nothing measured. Look again at what
            // the neighbours' answers tell of this step, until that (or the guess) has run out.
            long waited = (now - firstSentAt) / 1_000_000;
            long late = timers.lateAfterMillis(step);
            due = late < 0 ? rto : Math.min(rto, late);
            if (due > waited) {
                return Math.min(due - waited, BLIND_LOOK_MILLIS);
            }
        }
        long queued = patient ? timers.queuedMillis(step, sentAt, (now - sentAt) / 1_000_000, rto) : 0;
        if (queued > 0) {
            return queued;
        }
        if (firstBlind) {
            blind = false;
            // The fleet's answers set this timeout high among their own round trips, so the datagram is far
            // more likely lost than this BMC slow; and if it is slow, a late answer still counts. The first
            // retry waits as long again, not twice: a second loss in a row (one login in two thousand at 1%
            // each way, so at start-up of most thousand-BMC runs) otherwise doubled the slowest host's time.
            // Later retries back off as RFC 6298 asks.
            rto = due;
            timers.keep(step, rto);
        } else {
            rto = timers.backOff(step, rto);
        }
        return 0;
    }

    /**
     * An answer came at {@code now}: a round-trip sample when it answers a known transmission, the only
     * one ({@code sends == 1}, Karn's rule) or the latest ({@code answersLatest}, told by its rqSeq).
     */
    void answered(BmcTimers timers, long now, boolean answersLatest) {
        if (sends == 1 || answersLatest) {
            timers.sample(step, now - sentAt);
        }
        // Which transmission a reply to several answers is unknown: the first is the one surely overtaken.
        timers.answered(step, sends == 1 || answersLatest ? sentAt : firstSentAt);
    }

    int sends() {
        return sends;
    }

    long firstSentAt() {
        return firstSentAt;
    }

    void useSeq(int seq) {
        rqSeq = seq;
        seqsUsed |= 1L << seq;
    }

    int rqSeq() {
        return rqSeq;
    }

    boolean usedSeq(int seq) {
        return (seqsUsed & 1L << seq) != 0;
    }
}
