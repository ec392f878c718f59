package io.ipmirunner.ipmi.client;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as a module takes it: a module that waits for a BMC (power to settle, a reset BMC to answer again)
 * reads and sleeps through this, never the JVM's clock, so tests run those waits on fake time.
 */
public interface TimeSource {
    /** The JVM's clocks and {@link Thread#sleep}. */
    TimeSource SYSTEM = new TimeSource() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
            Thread.sleep(d);
        }
    };

    /** Wall-clock time: what a BMC's SEL clock is set to. */
    Instant now();

    /** A monotonic reading for deadlines and durations, unmoved when the wall clock is stepped. */
    long nanoTime();

    void sleep(Duration d) throws InterruptedException;
}
