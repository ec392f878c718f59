package io.ipmirunner.ipmi.sdr;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Property: any bytes decode to a typed record or a Raw one, never an exception, in bounded time. */
class SdrDecoderFuzzTest {
    @Test
    void mutatedAndTruncatedRecordsNeverThrow() {
        List<byte[]> seeds = List.of(SdrBytes.full(1, 2, 2, -7, 300, -3, 2, 3, 18, 0x88,
                HexFormat.of().parseHex("235c0374d9c2")), SdrBytes.compact(3, 4, "PSU1 Status"),
                HexFormat.of().parseHex(SdrLocatorDecoderTest.EVENT_ONLY),
                HexFormat.of().parseHex(SdrLocatorDecoderTest.FRU_LOCATOR),
                HexFormat.of().parseHex(SdrLocatorDecoderTest.MC_LOCATOR));
        SplittableRandom rnd = new SplittableRandom(0x5D2);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 50_000; i++) {
                byte[] r = seeds.get(i % seeds.size()).clone();
                for (int n = rnd.nextInt(1, 6); n > 0; n--) {
                    r[rnd.nextInt(r.length)] = (byte) rnd.nextInt(256);
                }
                r = rnd.nextBoolean() ? Arrays.copyOf(r, rnd.nextInt(r.length + 1)) : r;
                try {
                    SdrRecord rec = SdrDecoder.decode(r);
                    if (rec instanceof SdrRecord.Sensor s) {
                        for (int raw = 0; raw < 256; raw += 17) {
                            assertNotNull(s.conversion().decimal(raw));
                        }
                    }
                } catch (RuntimeException e) {
                    throw new AssertionError("case " + i + ": " + HexFormat.of().formatHex(r), e);
                }
            }
        });
    }
}
