package io.ipmirunner.sim.fault;

import java.util.EnumSet;
import java.util.Set;

/**
 * The faults one simulated BMC shows. Immutable and usually shared by many BMCs.
 *
 * @param rakpLatency          extra delay of the RAKP Message 2 reply, where a BMC checks the password
 *                             (OpenBMC runs PAM there: 200 ms and more); replaces {@code latency} for it
 * @param loss                 chance that a datagram (either way) is lost
 * @param busyRate             chance that an in-session command is answered 0xC0 (node busy)
 * @param unreachable          answers nothing at all
 * @param coldResetAfterMillis the BMC cold-resets this long after start (negative: never)
 * @param sessionsExhausted    every session slot is taken by someone else
 */
public record FaultProfile(Latency latency, Latency rakpLatency, double loss, double busyRate, boolean unreachable,
                           long coldResetAfterMillis, boolean sessionsExhausted, Set<Quirk> quirks) {
    public static final FaultProfile NONE = new FaultProfile(Latency.NONE, Latency.NONE, 0, 0, false, -1, false, Set.of());

    public FaultProfile {
        probability(loss, "loss");
        probability(busyRate, "busy rate");
        quirks = quirks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(quirks));
    }

    private static void probability(double p, String what) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1, got " + p);
        }
    }

    public boolean has(Quirk q) {
        return quirks.contains(q);
    }

    public FaultProfile withLatency(Latency l) {
        return new FaultProfile(l, rakpLatency, loss, busyRate, unreachable, coldResetAfterMillis, sessionsExhausted, quirks);
    }

    public FaultProfile withRakpLatency(Latency l) {
        return new FaultProfile(latency, l, loss, busyRate, unreachable, coldResetAfterMillis, sessionsExhausted, quirks);
    }

    public FaultProfile withLoss(double p) {
        return new FaultProfile(latency, rakpLatency, p, busyRate, unreachable, coldResetAfterMillis, sessionsExhausted, quirks);
    }

    public FaultProfile withBusyRate(double p) {
        return new FaultProfile(latency, rakpLatency, loss, p, unreachable, coldResetAfterMillis, sessionsExhausted, quirks);
    }

    public FaultProfile withUnreachable(boolean u) {
        return new FaultProfile(latency, rakpLatency, loss, busyRate, u, coldResetAfterMillis, sessionsExhausted, quirks);
    }

    public FaultProfile withColdResetAfter(long millis) {
        return new FaultProfile(latency, rakpLatency, loss, busyRate, unreachable, millis, sessionsExhausted, quirks);
    }

    public FaultProfile withSessionsExhausted(boolean e) {
        return new FaultProfile(latency, rakpLatency, loss, busyRate, unreachable, coldResetAfterMillis, e, quirks);
    }

    public FaultProfile withQuirks(Set<Quirk> q) {
        return new FaultProfile(latency, rakpLatency, loss, busyRate, unreachable, coldResetAfterMillis, sessionsExhausted, q);
    }
}
