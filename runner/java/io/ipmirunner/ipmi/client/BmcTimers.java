package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.Phase;
import java.util.EnumMap;
import java.util.Map;

/**
 * The retransmission timers of one BMC, shared by every session to it. Commands and pre-session queries
 * cost a BMC a round trip and share one estimator. Each authenticating login step (Open Session, RAKP 1/2,
 * RAKP 3/4, Get Session Challenge, Activate Session) has its own: a BMC may check the password in one of
 * them (OpenBMC's PAM at RAKP 1/2: 200 ms and more) and answer the others at once, so a timeout learnt on
 * one would cut short the wait for the next.
 *
 * <p>A BMC not measured yet starts from what the rest of the fleet measured, when it did: the first
 * exchange with each of ten thousand BMCs then waits about what their neighbours need, not the blind
 * initial second of RFC 6298, and a lost first datagram costs a fraction of that. Timeouts back off and
 * are kept per BMC, so one slower than the fleet soon gets a sample of its own (Karn's rule).
 */
final class BmcTimers {
    /**
     * The first wait for an exchange with a BMC nobody has measured: RFC 6298's second is for unknown paths;
     * a BMC on a management LAN answers within milliseconds, and ipmipower starts at 400 ms. At fleet start-up
     * every BMC is unmeasured at once, so a blind second made each lost first datagram cost a second (the
     * slowest 3% of a 1,000-BMC run at 1% loss). Only the steps where the BMC checks the password (RAKP 1/2,
     * Activate Session; OpenBMC's PAM: 200 ms and more) keep the full initial timeout: cutting one short
     * restarts the login. Open Session and RAKP 3/4 need no password check: the key is known by then.
     */
    static final long FIRST_CONTACT_MILLIS = 500;

    /** Fleet samples of a step before its variation stands in for a BMC's own at the first sample. */
    static final int PRIOR_SAMPLES = 16;

    /** How many of the fleet's latest answers to a step {@link #lateAfterMillis} looks at. */
    static final int RECENT_SAMPLES = 32;

    /**
     * How often, at least, a request whose answer may be queued ({@link #queuedMillis}) looks again: often
     * enough that a loss is resent soon after a later request's answer shows it, rarely enough that a
     * thousand waiting requests do not load the loop that is behind already.
     */
    static final long QUEUE_LOOK_MILLIS = 25;

    private final Timing timing;
    private final BmcTimers fleet;
    private final Map<Phase, RttEstimator> estimators = new EnumMap<>(Phase.class);
    /** The fleet's latest round trips of each step; per-BMC timers (ten thousand of them) keep none. */
    private final Map<Phase, RecentRoundTrips> recent;
    /** The fleet's send order of each step: what {@link #queuedMillis} reads. Per-BMC timers keep none. */
    private final Map<Phase, SendOrder> order;

    /** The fleet-wide timers, learning from every BMC. */
    static BmcTimers fleet(Timing timing) {
        return new BmcTimers(timing, null);
    }

    /** The timers of one BMC; {@code fleet} sees its samples and seeds its first timeouts. */
    BmcTimers(Timing timing, BmcTimers fleet) {
        this.timing = timing;
        this.fleet = fleet;
        this.recent = fleet == null ? new EnumMap<>(Phase.class) : Map.of();
        this.order = fleet == null ? new EnumMap<>(Phase.class) : Map.of();
    }

    /** How long to wait for the first answer to a new request in {@code phase}. */
    long rtoMillis(Phase phase) {
        RttEstimator own = estimator(phase);
        if (own.untouched() && fleet != null) {
            RttEstimator known = fleet.estimators.get(kind(phase));
            if (known != null && !known.untouched()) {
                return known.rtoMillis();
            }
        }
        return own.rtoMillis();
    }

    /** Whether neither this BMC nor the fleet has measured {@code phase} yet: its timeout is a blind guess. */
    boolean unmeasured(Phase phase) {
        if (!estimator(phase).untouched()) {
            return false;
        }
        RttEstimator known = fleet == null ? null : fleet.estimators.get(kind(phase));
        return known == null || known.untouched();
    }

    /**
     * How long a request sent blind (nothing measured when it went out) may go unanswered before it counts
     * as lost, by what was measured since: this BMC's own estimate, else a quarter more than the slowest of
     * the fleet's latest answers to the step, and never less than the fleet's estimate. -1 while nothing is
     * known. The fleet's estimate alone would call answers lost that are only slower than the first ones:
     * when a thousand BMCs are asked at once, the fast answers come first and teach a short timeout before
     * the slower ones are in. The slowest recent answer keeps pace with the answers still coming in, and
     * settles once they stop.
     */
    long lateAfterMillis(Phase phase) {
        if (!estimator(phase).untouched()) {
            return estimator(phase).rtoMillis();
        }
        if (unmeasured(phase)) {
            return -1;
        }
        long slowest = fleet.recent.get(kind(phase)).slowestMicros();
        return Math.max(fleet.estimator(phase).rtoMillis(), slowest * 5 / 4 / 1000);
    }

    /**
     * The wait after {@code currentMillis} ran out: doubled up to a ceiling ({@link RttEstimator#nextMillis}),
     * and kept for the next requests (RFC 6298 §5.5). A BMC that has not answered this step yet takes the
     * ceiling from the fleet once the fleet has {@link #PRIOR_SAMPLES} of it, as it took its first timeout:
     * one lost datagram after another at fleet start-up otherwise doubled its wait to two seconds while
     * its neighbours answered in milliseconds (eight losses running cost an Open Session 7 s).
     */
    long backOff(Phase phase, long currentMillis) {
        RttEstimator e = estimator(phase);
        RttEstimator known = fleet == null ? null : fleet.estimators.get(kind(phase));
        long next = e.nextMillis(currentMillis);
        if (e.samples() == 0 && known != null && known.samples() >= PRIOR_SAMPLES) {
            next = Math.min(next, known.backOffCeilingMicros() / 1000);
        }
        e.backedOff(next);
        return next;
    }

    /** A timeout of {@code waitMillis} ran out and the next try waits as long: keep it (not less) until a sample. */
    void keep(Phase phase, long waitMillis) {
        estimator(phase).backedOff(waitMillis);
    }

    /**
     * A request in {@code phase} sent once and answered after {@code rttNanos}. A BMC's first round trip
     * of a step takes its variation from the fleet once the fleet has {@link #PRIOR_SAMPLES}: otherwise the
     * first timeout is three times a round trip that, measured while a thousand BMCs were answering at once,
     * is itself the slow end; a lost RAKP 1 after a restart then waited most of a second.
     */
    void sample(Phase phase, long rttNanos) {
        RttEstimator own = estimator(phase);
        RttEstimator known = fleet == null ? null : fleet.estimators.get(kind(phase));
        boolean prior = own.samples() == 0 && known != null && known.samples() >= PRIOR_SAMPLES;
        own.sample(rttNanos, prior ? known.rttvarMicros() : -1);
        if (fleet != null) {
            fleet.sample(phase, rttNanos);
        } else {
            recent.computeIfAbsent(kind(phase), k -> new RecentRoundTrips()).add(rttNanos / 1000);
        }
    }

    /** A request in {@code phase} went out at {@code sentAt}, to this BMC. */
    void sent(Phase phase, long sentAt) {
        if (fleet != null) {
            fleet.sent(phase, sentAt);
        } else {
            order.computeIfAbsent(kind(phase), k -> new SendOrder()).sent(sentAt);
        }
    }

    /** The answer to a request in {@code phase} sent at {@code sentAt} came in. */
    void answered(Phase phase, long sentAt) {
        if (fleet != null) {
            fleet.answered(phase, sentAt);
        } else {
            order.computeIfAbsent(kind(phase), k -> new SendOrder()).answered(sentAt);
        }
    }

    /**
     * How much longer a request in {@code phase}, sent at {@code sentAt} and unanswered for {@code waitedMillis}
     * though its timeout of {@code rtoMillis} ran out, is to wait before it counts as lost; 0: it is lost now.
     * RACK's rule (RFC 8985 §6.2) across the fleet: a datagram is taken for lost once one sent after it was
     * answered. While requests of the step went out after this one and none of them has been answered either,
     * the answers are most likely queued (a loaded client whose loop has not read them yet, or BMCs busy with
     * the whole fleet's logins at once), not lost: at 1,000 simulated BMCs and no loss, a timeout learnt from
     * the first, fast answers resent Open Session to 248-377 BMCs whose answers were on their way, and each
     * copy the BMC accepted held one of its few session slots. A request nothing was sent after (the last one,
     * or a lone BMC) has no such evidence and counts as lost when its timeout runs out, as before. However
     * long the queue, a request counts as lost after as long as a measured BMC backs off to
     * ({@link RttEstimator#nextMillis}): a real loss in a stalled fleet is still resent.
     */
    long queuedMillis(Phase phase, long sentAt, long waitedMillis, long rtoMillis) {
        if (fleet != null) {
            return fleet.queuedMillis(phase, sentAt, waitedMillis, rtoMillis);
        }
        SendOrder o = order.get(kind(phase));
        if (o == null || !o.sentAfter(sentAt) || o.answeredSince(sentAt)) {
            return 0;
        }
        long limit = Math.min(timing.maxRetransmitMillis(),
                Math.max(RttEstimator.BACKOFF_FLOOR_MICROS / 1000, RttEstimator.BACKOFF_RTOS * rtoMillis));
        return waitedMillis >= limit ? 0 : Math.min(limit - waitedMillis, Math.max(QUEUE_LOOK_MILLIS, rtoMillis / 2));
    }

    private RttEstimator estimator(Phase phase) {
        // get, then put: computeIfAbsent's lambda captured this and was allocated at each of the several calls a
        // packet makes (issue 22, JFR: 26 engine samples in four 1,000-host runs, the lambda included).
        Phase k = kind(phase);
        RttEstimator e = estimators.get(k);
        if (e == null) {
            e = new RttEstimator(k == Phase.RAKP_1 || k == Phase.ACTIVATE
                    ? timing.retransmitMillis()
                    : Math.max(timing.minRetransmitMillis(), Math.min(FIRST_CONTACT_MILLIS, timing.retransmitMillis())),
                    timing.minRetransmitMillis(), timing.maxRetransmitMillis());
            estimators.put(k, e);
        }
        return e;
    }

    private static Phase kind(Phase phase) {
        return switch (phase) {
            case OPEN_SESSION, RAKP_1, RAKP_3, CHALLENGE, ACTIVATE -> phase;
            default -> Phase.COMMAND;
        };
    }

    /** The last {@link #RECENT_SAMPLES} round trips of one step, in microseconds, as a ring. */
    private static final class RecentRoundTrips {
        private final long[] micros = new long[RECENT_SAMPLES];
        private int next;

        void add(long rttMicros) {
            micros[next] = rttMicros;
            next = (next + 1) % micros.length;
        }

        long slowestMicros() {
            long slowest = 0;
            for (long m : micros) {
                slowest = Math.max(slowest, m);
            }
            return slowest;
        }
    }

    /** When the newest request of one step was sent, and when the newest one answered was sent; nanoseconds. */
    private static final class SendOrder {
        private boolean anySent;
        private boolean anyAnswered;
        private long newestSent;
        private long newestAnswered;

        void sent(long at) {
            if (!anySent || at - newestSent > 0) {
                newestSent = at;
            }
            anySent = true;
        }

        void answered(long sentAt) {
            if (!anyAnswered || sentAt - newestAnswered > 0) {
                newestAnswered = sentAt;
            }
            anyAnswered = true;
        }

        boolean sentAfter(long at) {
            return anySent && newestSent - at > 0;
        }

        /** An answer came to a request sent at {@code at} or later (sent with it counts: no reason to be slower). */
        boolean answeredSince(long at) {
            return anyAnswered && newestAnswered - at >= 0;
        }
    }
}
