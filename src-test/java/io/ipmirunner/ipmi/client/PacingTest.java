package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code ipmi_min_command_interval}: commands to one BMC go out no closer together than the interval (the
 * session machine's use of it, on fake time: DeadlinesFakeClockTest).
 */
class PacingTest {
    @Test
    void theIntervalIsCountedFromOneCommandToTheNext() {
        var p = new Pacing(Duration.ofMillis(200));
        assertEquals(0, p.waitMillis(0), "the first command goes at once");
        p.sent(1_000_000_000L);
        assertEquals(150, p.waitMillis(1_050_000_000L));
        assertEquals(1, p.waitMillis(1_199_999_999L), "a part of a millisecond still waits");
        assertEquals(0, p.waitMillis(1_200_000_000L));
        assertEquals(0, new Pacing(Duration.ZERO).waitMillis(5), "no interval, no wait");
    }
}
