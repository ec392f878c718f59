package io.ipmirunner.ipmi.client;

/**
 * Engine timing. Retransmission timeouts adapt to each BMC's measured round trips ({@link RttEstimator}):
 * {@code retransmitMillis} is the first one before anything is measured (1 s, as RFC 6298), and the
 * adaptive value stays between {@code minRetransmitMillis} (200 ms: a loaded client or a BMC pausing
 * briefly must not look like loss: tried at 50 ms, a thousand BMCs answering RAKP 3 at once, each answer a
 * few milliseconds of the BMC's and the client's crypto, made answers queued behind their neighbours look
 * lost, and every such resend restarts a login) and {@code maxRetransmitMillis} (2 s: about ten tries fit in an
 * exchange; at 20% loss each way one try in three fails, and ten in a row almost never). Each exchange
 * (a login phase or a command) has 20 s before it fails. Keep-alives go out on sessions idle for 30 s: BMCs
 * commonly drop sessions idle for 60 s. Close Session waits two retransmission timeouts, at most
 * {@code closeTimeoutMillis}.
 */
public record Timing(long retransmitMillis, long minRetransmitMillis, long maxRetransmitMillis, long timeoutMillis,
                     long keepAliveMillis, long closeTimeoutMillis, int busyRetries) {
    public static final Timing DEFAULT = new Timing(1000, 200, 2000, 20_000, 30_000, 2000, 8);

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
