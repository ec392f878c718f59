package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void connectionRetriesDoubleFromOneSecondUpToTen() {
        List<Long> pauses = IntStream.rangeClosed(1, 6)
                .mapToObj(n -> Backoff.CONNECTION.pause(n, () -> 0L).toMillis()).toList();
        assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 10_000L, 10_000L), pauses);
    }

    @Test
    void jitterOnlyShortensAndSpreadsHostsApart() {
        Backoff b = new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(60), 0.2);
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 1; n <= 10; n++) {
            long base = Math.min(1000L << (n - 1), 60_000);
            Set<Long> seen = new HashSet<>();
            for (int host = 0; host < 100; host++) {
                long ms = b.pause(n, random).toMillis();
                assertTrue(ms >= base * 0.8 && ms <= base, n + ": " + ms);
                seen.add(ms);
            }
            assertTrue(seen.size() > 50, "a hundred hosts do not retry in lockstep: " + seen.size());
        }
    }

    @Test
    void constantIsAnsiblesDelay() {
        assertEquals(Duration.ofMillis(1500), Backoff.constant(Duration.ofMillis(1500)).pause(9, () -> 42L));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(5), 0.5,
                Duration.ofSeconds(10), 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(5), 2,
                Duration.ofSeconds(1), 0));
    }
}
