package io.ipmirunner.ipmi.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Time that moves only when someone sleeps, for modules (as a {@link TimeSource}) and the executor (as a
 * {@link Clock}) alike; records every sleep. Shared by virtual threads.
 */
public class ManualTime extends Clock implements TimeSource {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private Instant now = START;
    public final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @Override
    public synchronized void sleep(Duration d) {
        sleeps.add(d);
        now = now.plus(d);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public Instant now() {
        return instant();
    }

    @Override
    public long nanoTime() {
        return Duration.between(START, instant()).toNanos();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
