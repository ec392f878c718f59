package io.ipmirunner.ipmi.client;

/**
 * The retransmission timeout of one kind of exchange with one BMC, as TCP computes it (RFC 6298 §2):
 * a smoothed round-trip time and its variation from samples, RTO = SRTT + max(G, 4 × RTTVAR), clamped.
 * Samples come only from replies known to answer one transmission: an exchange sent once (Karn's rule,
 * RFC 6298 §3), or a command resent with a fresh rqSeq ({@link Operation#measuredBy}). A timeout backs the
 * RTO off (§5.5) until the next valid sample.
 * Pure arithmetic on the loop thread; times in microseconds inside so that LAN round trips of a few
 * milliseconds still count.
 */
final class RttEstimator {
    /** G, the clock granularity of RFC 6298 §4: the loop's timers fire to about a millisecond. */
    private static final long GRANULARITY_MICROS = 1_000;
    /** A measured BMC's back-off stops at this many of its measured timeouts ({@link #nextMillis}). */
    static final int BACKOFF_RTOS = 4;
    /** ... but not below this: ipmipower retransmits every 400 ms, and a loaded client delays answers. */
    static final long BACKOFF_FLOOR_MICROS = 250_000;

    private final long minMicros;
    private final long maxMicros;
    private long srtt = -1;
    private long rttvar;
    private long rto;
    private boolean touched;
    private long samples;

    RttEstimator(long initialMillis, long minMillis, long maxMillis) {
        if (minMillis <= 0 || maxMillis < minMillis || initialMillis <= 0) {
            throw new IllegalArgumentException("need 0 < min <= max and a positive initial RTO");
        }
        this.minMicros = minMillis * 1000;
        this.maxMicros = maxMillis * 1000;
        this.rto = Math.min(maxMicros, initialMillis * 1000);
    }

    /** One round trip of an exchange that was sent exactly once. */
    void sample(long rttNanos) {
        sample(rttNanos, -1);
    }

    /**
     * One round trip; if it is the first, {@code priorRttvarMicros} (when not negative) is the variation to
     * start from instead of half the sample: what many BMCs of the same fleet showed says more of this one's
     * variation than a single round trip can (RFC 6298 §2.2 has nothing better for a lone connection).
     */
    void sample(long rttNanos, long priorRttvarMicros) {
        touched = true;
        samples++;
        long r = Math.max(0, rttNanos / 1000);
        if (srtt < 0) {
            srtt = r;
            rttvar = priorRttvarMicros >= 0 ? priorRttvarMicros : r / 2;
        } else {
            // RFC 6298 §2.3 with alpha = 1/8, beta = 1/4; RTTVAR first, from the old SRTT.
            rttvar = (3 * rttvar + Math.abs(srtt - r)) / 4;
            srtt = (7 * srtt + r) / 8;
        }
        rto = clamp(srtt + Math.max(GRANULARITY_MICROS, 4 * rttvar));
    }

    /**
     * An exchange timed out and now waits {@code waitMillis}: keep at least that for the next ones (§5.5).
     * Before anything was learnt the stored value is only the blind first guess, and the wait that ran out
     * may have been shorter (the fleet's estimate): the doubled wait replaces the guess rather than the
     * guess outliving the back-off.
     */
    void backedOff(long waitMillis) {
        rto = touched ? Math.max(rto, clamp(waitMillis * 1000)) : clamp(waitMillis * 1000);
        touched = true;
    }

    /** How long to wait for the first answer to a new exchange. */
    long rtoMillis() {
        return Math.max(1, rto / 1000);
    }

    /**
     * The wait after {@code currentMillis} ran out with no answer: doubled, up to a ceiling. A BMC measured
     * answering fast backs off at most to {@link #BACKOFF_RTOS} times its measured timeout (never below
     * {@link #BACKOFF_FLOOR_MICROS}): TCP doubles to a minute because a timeout there signals congestion; an
     * IPMI exchange is one datagram each way, and a BMC that answered in milliseconds and then not at all
     * lost a datagram far more likely than it slowed down a hundredfold. Doubling to the two-second maximum
     * cost each further loss two seconds: at 20% loss each way a login, whose RAKP steps restart from Open
     * Session on any loss, took up to 20 s (ExecUnderLossTest). A BMC that did slow down answers a later
     * copy, and that reply is a sample ({@link Operation#measuredBy}) that raises the ceiling. One not
     * measured yet doubles to the maximum (but see {@link BmcTimers#backOff}).
     */
    long nextMillis(long currentMillis) {
        return Math.min(backOffCeilingMicros() / 1000, currentMillis * 2);
    }

    /** Where {@link #nextMillis} stops doubling: the maximum until something was measured. */
    long backOffCeilingMicros() {
        return srtt < 0 ? maxMicros
                : clamp(Math.max(BACKOFF_FLOOR_MICROS, BACKOFF_RTOS * (srtt + Math.max(GRANULARITY_MICROS, 4 * rttvar))));
    }

    /** How many round trips it has learnt from. */
    long samples() {
        return samples;
    }

    /** The smoothed variation in microseconds (0 before the first sample). */
    long rttvarMicros() {
        return rttvar;
    }

    /** Neither sampled nor backed off: it knows nothing of its BMC yet. */
    boolean untouched() {
        return !touched;
    }

    /** The smoothed round trip in milliseconds, or -1 before the first sample. */
    double srttMillis() {
        return srtt < 0 ? -1 : srtt / 1000.0;
    }

    private long clamp(long micros) {
        return Math.max(minMicros, Math.min(maxMicros, micros));
    }
}
