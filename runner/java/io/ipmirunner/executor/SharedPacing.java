package io.ipmirunner.executor;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;

/**
 * One task's {@code throttle} and {@code stagger} across the hosts of a batch when each host reaches the
 * task on its own thread (the free strategy): at most {@code throttle} hosts in the task at once, and starts
 * at least {@code stagger} apart, as the linear strategy paces them within one fan-out.
 */
final class SharedPacing {
    final Semaphore slots;
    private Instant nextStart;

    SharedPacing(int throttle) {
        this.slots = new Semaphore(Math.max(1, throttle));
    }

    /** How long a host that wants to start at {@code now} waits; reserves its start. */
    synchronized Duration reserve(Instant now, Duration stagger) {
        Instant start = nextStart == null || now.isAfter(nextStart) ? now : nextStart;
        nextStart = start.plus(stagger);
        return Duration.between(now, start);
    }
}
