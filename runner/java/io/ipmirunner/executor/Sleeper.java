package io.ipmirunner.executor;

import java.time.Duration;

/** Waiting, behind an interface so tests run retries, pauses and stagger on a fake clock. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration d) throws InterruptedException;
}
