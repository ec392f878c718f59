package io.ipmirunner.ipmi.client;

import java.time.Duration;

/**
 * The least time between two commands to one BMC (the inventory's {@code ipmi_min_command_interval}): some
 * BMCs hang or reset under rapid polling, a known field problem that a fleet's fork limit does not
 * address, since it bounds BMCs at once, not the rate at one. Counted from one command's first
 * transmission to the next one's; retransmissions, busy re-asks and the login's own steps are not paced
 * (they answer the BMC's silence or are one exchange). Pure; one per session machine.
 */
final class Pacing {
    private final long intervalNanos;
    private long lastNanos;
    private boolean sentAny;

    Pacing(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** How many milliseconds the next command must wait at {@code nowNanos}; 0 when it may go now. */
    long waitMillis(long nowNanos) {
        if (!sentAny || intervalNanos <= 0) {
            return 0;
        }
        long left = lastNanos + intervalNanos - nowNanos;
        return left <= 0 ? 0 : Math.max(1, (left + 999_999) / 1_000_000);
    }

    /** A command went out at {@code nowNanos}. */
    void sent(long nowNanos) {
        lastNanos = nowNanos;
        sentAny = true;
    }
}
