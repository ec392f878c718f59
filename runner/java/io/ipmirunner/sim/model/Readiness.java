package io.ipmirunner.sim.model;

import java.util.OptionalInt;

/**
 * A BMC that answers but is not ready: until a time, every command is answered with one completion code
 * instead of being carried out, as BMCs do while they initialise after a reset (D2h "BMC initialization in
 * progress") or during a firmware update (D1h, or D5h/CCh on some). Session commands still work: a BMC in that
 * state accepts logins. A fault for tests; not ready is no state of the model.
 */
public final class Readiness {
    private long notReadyUntil;
    private int code;

    /** From now until {@code untilMillis} (the BMC's clock), commands are answered {@code completionCode}. */
    public synchronized void notReadyUntil(long untilMillis, int completionCode) {
        if (completionCode <= 0 || completionCode > 0xFF) {
            throw new IllegalArgumentException("a not-ready answer needs a non-zero completion code");
        }
        notReadyUntil = untilMillis;
        code = completionCode;
    }

    /** The completion code a command gets at {@code now}, or empty when the BMC carries it out. */
    public synchronized OptionalInt answer(long now) {
        return now < notReadyUntil ? OptionalInt.of(code) : OptionalInt.empty();
    }
}
