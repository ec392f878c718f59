package io.ipmirunner.ipmi.fru;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property: for any bytes, the decoder returns (warnings, never an exception) and does so quickly.
 * Inputs are a valid image mutated (bit flips, byte overwrites, truncation, extension) and random bytes,
 * from a fixed seed so a failure reproduces.
 */
class FruDecoderFuzzTest {
    private static final int CASES = 20_000;

    @Test
    void malformedAndTruncatedImagesOnlyWarn() {
        fuzz(FruBytes.everyEncoding(), 0xF00D);
    }

    /** The multi-record area walks a chain of lengths: mutations there must still end, and soon. */
    @Test
    void malformedMultiRecordAreasOnlyWarn() {
        fuzz(FruBytes.withPowerSupply(), 0xBEEF);
    }

    private static void fuzz(byte[] valid, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < CASES; i++) {
                byte[] img = mutate(valid, rnd);
                try {
                    FruInventory fru = FruDecoder.decode(img);
                    assertNotNull(fru.warnings());
                    assertNotNull(fru.multiRecords());
                } catch (RuntimeException e) {
                    throw new AssertionError("case " + i + ": " + java.util.HexFormat.of().formatHex(img), e);
                }
            }
        });
    }

    private static byte[] mutate(byte[] valid, SplittableRandom rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> {
                byte[] b = valid.clone();
                b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                yield b;
            }
            case 1 -> {
                byte[] b = valid.clone();
                for (int n = rnd.nextInt(1, 8); n > 0; n--) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
                yield b;
            }
            case 2 -> Arrays.copyOf(valid, rnd.nextInt(valid.length));
            case 3 -> {
                byte[] b = Arrays.copyOf(valid, valid.length + rnd.nextInt(1, 64));
                b[rnd.nextInt(8)] = (byte) rnd.nextInt(256);
                yield b;
            }
            default -> {
                byte[] b = new byte[rnd.nextInt(0, 300)];
                rnd.nextBytes(b);
                if (b.length > 0) {
                    b[0] = 1;
                }
                yield b;
            }
        };
    }
}
