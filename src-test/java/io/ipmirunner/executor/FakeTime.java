package io.ipmirunner.executor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A clock that moves only when someone sleeps; records every sleep. Shared by virtual threads. */
final class FakeTime extends Clock implements Sleeper {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    /** Back-off whose jitter never shortens a pause, so tests can name every sleep. */
    static final RetryPolicy NO_JITTER = new RetryPolicy(Backoff.CONNECTION, () -> 0L);

    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

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
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
