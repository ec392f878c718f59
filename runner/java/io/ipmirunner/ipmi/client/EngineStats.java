package io.ipmirunner.ipmi.client;

import java.util.concurrent.atomic.LongAdder;

/** Counters of one client engine, read by benchmarks and the verbose log. */
public final class EngineStats {
    final LongAdder retransmits = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final LongAdder busy = new LongAdder();
    final LongAdder sessionsOpened = new LongAdder();
    final LongAdder sessionsClosed = new LongAdder();
    final LongAdder loginFailures = new LongAdder();
    final LongAdder loginNanos = new LongAdder();
    final LongAdder sendErrors = new LongAdder();

    public long retransmits() {
        return retransmits.sum();
    }

    /** Packets that failed a session check (integrity, sequence window, stale tag) or matched nothing. */
    public long dropped() {
        return dropped.sum();
    }

    /** Datagrams that did not parse at all. */
    public long malformed() {
        return malformed.sum();
    }

    public long busyAnswers() {
        return busy.sum();
    }

    public long sessionsOpened() {
        return sessionsOpened.sum();
    }

    public long sessionsClosed() {
        return sessionsClosed.sum();
    }

    public long loginFailures() {
        return loginFailures.sum();
    }

    /** Datagrams the kernel would not send (send buffer full): lost before the wire. */
    public long sendErrors() {
        return sendErrors.sum();
    }

    public double meanLoginMillis() {
        long n = sessionsOpened.sum();
        return n == 0 ? 0 : loginNanos.sum() / 1e6 / n;
    }

    @Override
    public String toString() {
        return String.format("sessions opened %d closed %d (mean login %.1f ms), login failures %d, retransmits %d, "
                        + "dropped %d, malformed %d, busy %d, send errors %d", sessionsOpened(), sessionsClosed(),
                meanLoginMillis(), loginFailures(), retransmits(), dropped(), malformed(), busyAnswers(), sendErrors());
    }
}
