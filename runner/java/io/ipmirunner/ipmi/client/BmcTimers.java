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

    private final Timing timing;
    private final BmcTimers fleet;
    private final Map<Phase, RttEstimator> estimators = new EnumMap<>(Phase.class);
    /** The fleet's latest round trips of each step; per-BMC timers (ten thousand of them) keep none. */
    private final Map<Phase, RecentRoundTrips> recent;

    /** The fleet-wide timers, learning from every BMC. */
    static BmcTimers fleet(Timing timing) {
        return new BmcTimers(timing, null);
    }

    /** The timers of one BMC; {@code fleet} sees its samples and seeds its first timeouts. */
    BmcTimers(Timing timing, BmcTimers fleet) {
        this.timing = timing;
        this.fleet = fleet;
        this.recent = fleet == null ? new EnumMap<>(Phase.class) : Map.of();
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

    /** The wait after {@code currentMillis} ran out: doubled, and kept for the next requests (RFC 6298 §5.5). */
    long backOff(Phase phase, long currentMillis) {
        RttEstimator e = estimator(phase);
        long next = e.nextMillis(currentMillis);
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

    private RttEstimator estimator(Phase phase) {
        return estimators.computeIfAbsent(kind(phase), k -> new RttEstimator(k == Phase.RAKP_1 || k == Phase.ACTIVATE
                ? timing.retransmitMillis()
                : Math.max(timing.minRetransmitMillis(), Math.min(FIRST_CONTACT_MILLIS, timing.retransmitMillis())),
                timing.minRetransmitMillis(), timing.maxRetransmitMillis()));
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
}
