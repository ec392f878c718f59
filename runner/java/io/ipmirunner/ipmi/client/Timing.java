package io.ipmirunner.ipmi.client;

/**
 * Engine timing. Retransmission timeouts adapt to each BMC's measured round trips ({@link RttEstimator}):
 * {@code retransmitMillis} is the first one before anything is measured (1 s, as RFC 6298), and the
 * adaptive value stays between {@code minRetransmitMillis} and {@code maxRetransmitMillis} (2 s: about ten
 * tries fit in an exchange with a BMC nobody measured; at 20% loss each way one try in three fails, and ten
 * in a row almost never; a measured BMC backs off less, {@link RttEstimator#nextMillis}).
 * The minimum is 50 ms, not TCP's 200 ms: Linux's floor covers a peer's delayed acknowledgements and a BMC
 * has none (QUIC, RFC 9002 §6.2, likewise keeps no floor but the timer's granularity). What a floor would
 * protect is a reply that is only late, queued behind its neighbours' crypto when a thousand BMCs answer at
 * once, and a late reply is never lost work: any transmission's reply completes a command, and a login
 * restarted after a RAKP timeout still takes the abandoned attempt's late RAKP 2 or RAKP 4. Measured with
 * bench/fleet-bench at 1,000 BMCs, 1% loss: makespan median 1.75 s at 200 ms, 1.54 s at 50 ms (8 runs
 * each). Each exchange (a login phase or a command) has 20 s before it fails. Keep-alives go out on
 * sessions idle for 30 s: BMCs commonly drop sessions idle for 60 s. Close Session waits two retransmission
 * timeouts, at most {@code closeTimeoutMillis}.
 */
public record Timing(long retransmitMillis, long minRetransmitMillis, long maxRetransmitMillis, long timeoutMillis,
                     long keepAliveMillis, long closeTimeoutMillis, int busyRetries) {
    public static final Timing DEFAULT = new Timing(1000, 50, 2000, 20_000, 30_000, 2000, 8);

    public Timing {
        if (retransmitMillis <= 0 || timeoutMillis <= 0 || minRetransmitMillis <= 0
                || maxRetransmitMillis < retransmitMillis || minRetransmitMillis > maxRetransmitMillis) {
            throw new IllegalArgumentException("timing values must be positive, min <= retransmit <= max");
        }
    }

    public Timing withTimeoutMillis(long t) {
        long r = Math.min(retransmitMillis, t);
        return new Timing(r, Math.min(minRetransmitMillis, r), Math.min(maxRetransmitMillis, t), t,
                keepAliveMillis, closeTimeoutMillis, busyRetries);
    }

    /** The first retransmission timeout; asking for less than the adaptive minimum lowers the minimum. */
    public Timing withRetransmitMillis(long r) {
        return new Timing(r, Math.min(minRetransmitMillis, r), Math.max(r, maxRetransmitMillis), timeoutMillis,
                keepAliveMillis, closeTimeoutMillis, busyRetries);
    }
}
