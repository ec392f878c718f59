package io.ipmirunner.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** InstantText gives Instant.toString's text for every instant, the cached second's and any other. */
class InstantTextTest {
    @Test
    void sameTextAsInstantToString() {
        long[] seconds = {0, -1, 1, 59, 60, 86_399, 1_796_337_433L, -62_167_219_200L, -62_167_219_201L,
            253_402_300_799L, 253_402_300_800L, Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()};
        int[] nanos = {0, 1, 10, 999, 1000, 1001, 120_000, 999_999, 1_000_000, 5_000_000, 123_456_789,
            100_000_000, 999_999_999};
        for (long s : seconds) {
            for (int n : nanos) {
                Instant at = Instant.ofEpochSecond(s, n);
                assertEquals(at.toString(), InstantText.of(at), s + "s " + n + "ns");
            }
        }
        SplittableRandom random = new SplittableRandom(22);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-100_000_000_000L, 300_000_000_000L),
                    random.nextInt(4) == 0 ? random.nextInt(1000) * 1_000_000 : random.nextInt(1_000_000_000));
            assertEquals(at.toString(), InstantText.of(at));
            Instant next = at.plusNanos(random.nextInt(2_000_000)); // the same second, mostly: the cached text
            assertEquals(next.toString(), InstantText.of(next));
        }
    }
}
