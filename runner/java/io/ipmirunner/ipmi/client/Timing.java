package io.ipmirunner.ipmi.client;

/**
 * Engine timing, defaults near FreeIPMI's: first retransmission after 1 s, growing by half each time up to
 * 2 s, and 20 s for each exchange (a login phase or a command) before it fails. The 2 s cap fits about ten
 * tries in an exchange: at 20% loss each way one try in three fails, and ten in a row almost never.
 * Keep-alives go out on sessions idle for 30 s: BMCs commonly drop sessions idle for 60 s.
 */
public record Timing(long retransmitMillis, long maxRetransmitMillis, long timeoutMillis, long keepAliveMillis,
                     long closeTimeoutMillis, int busyRetries) {
    public static final Timing DEFAULT = new Timing(1000, 2000, 20_000, 30_000, 2000, 8);

    public Timing {
        if (retransmitMillis <= 0 || timeoutMillis <= 0 || maxRetransmitMillis < retransmitMillis) {
            throw new IllegalArgumentException("timing values must be positive, max retransmit >= retransmit");
        }
    }

    public Timing withTimeoutMillis(long t) {
        return new Timing(Math.min(retransmitMillis, t), Math.min(maxRetransmitMillis, t), t, keepAliveMillis,
                closeTimeoutMillis, busyRetries);
    }

    public Timing withRetransmitMillis(long r) {
        return new Timing(r, Math.max(r, maxRetransmitMillis), timeoutMillis, keepAliveMillis, closeTimeoutMillis,
                busyRetries);
    }

    /** The next retransmission interval after {@code current}: x1.5, capped. */
    public long backoff(long current) {
        return Math.min(maxRetransmitMillis, current + current / 2);
    }
}
