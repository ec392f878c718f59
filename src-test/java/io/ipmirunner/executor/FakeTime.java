package io.ipmirunner.executor;

import io.ipmirunner.ipmi.client.ManualTime;

/** The manual time as the executor's {@link Sleeper} too: runner, modules and fake BMCs share one time line. */
final class FakeTime extends ManualTime implements Sleeper {
    /** Back-off whose jitter never shortens a pause, so tests can name every sleep. */
    static final RetryPolicy NO_JITTER = new RetryPolicy(Backoff.CONNECTION, () -> 0L);
}
