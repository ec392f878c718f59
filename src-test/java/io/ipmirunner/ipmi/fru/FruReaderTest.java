package io.ipmirunner.ipmi.fru;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.client.TimeSource;
import io.ipmirunner.ipmi.command.storage.Fru;
import io.ipmirunner.ipmi.walk.BoundedWalk;
import io.ipmirunner.ipmi.wire.CompletionCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FruReaderTest {
    private static final byte[] IMAGE = FruBytes.everyEncoding();

    /** A device that refuses reads above {@code max} units with {@code code}, and logs each count. */
    private static FruReader.Device device(byte[] image, int unit, int max, CompletionCode code,
                                           List<Integer> counts) {
        return (offset, count) -> {
            counts.add(count);
            if (count > max) {
                throw new IpmiException.CompletionCodeError("h", Phase.COMMAND, "Read FRU Data", code);
            }
            int from = Math.min(offset * unit, image.length);
            return Arrays.copyOfRange(image, from, Math.min(image.length, from + count * unit));
        };
    }

    private static byte[] read(Fru.AreaInfo info, FruReader.Device device) throws IpmiException {
        return FruReader.read(info, device, BoundedWalk.area("h", "FRU device 0", TimeSource.SYSTEM,
                Duration.ofMinutes(1)));
    }

    @Test
    void shrinksTheChunkOnEachTooBigCode() throws Exception {
        for (CompletionCode code : List.of(CompletionCode.REQUEST_LENGTH_INVALID,
                CompletionCode.REQUEST_LENGTH_EXCEEDED, CompletionCode.CANNOT_RETURN_BYTES)) {
            List<Integer> counts = new ArrayList<>();
            byte[] got = read(new Fru.AreaInfo(1024, false), device(IMAGE, 1, 5, code, counts));
            assertArrayEquals(IMAGE, got, code.toString());
            assertTrue(counts.stream().skip(5).allMatch(n -> n <= 4), counts.toString());
        }
    }

    @Test
    void readsOnlyAsFarAsTheAreasAndTheAreaSize() throws Exception {
        byte[] padded = Arrays.copyOf(IMAGE, IMAGE.length + 512);
        assertArrayEquals(IMAGE, read(new Fru.AreaInfo(padded.length, false),
                device(padded, 1, 255, CompletionCode.OK, new ArrayList<>())));
        assertEquals(20, read(new Fru.AreaInfo(20, false),
                device(IMAGE, 1, 255, CompletionCode.OK, new ArrayList<>())).length);
    }

    @Test
    void followsTheMultiRecordHeadersToTheEndOfListAndNoFurther() throws Exception {
        byte[] img = FruBytes.withPowerSupply();
        byte[] padded = Arrays.copyOf(img, img.length + 300);
        assertArrayEquals(img, read(new Fru.AreaInfo(padded.length, false),
                device(padded, 1, 7, CompletionCode.CANNOT_RETURN_BYTES, new ArrayList<>())));
        byte[] badHeader = img.clone();
        int second = img.length - 17 - 18;
        badHeader[second + 4] ^= 1;
        assertEquals(second + 5, read(new Fru.AreaInfo(padded.length, false),
                device(Arrays.copyOf(badHeader, padded.length), 1, 255, CompletionCode.OK, new ArrayList<>())).length,
                "a header whose checksum fails ends the walk: its length is not trusted");
    }

    @Test
    void wordAccessCountsInWords() throws Exception {
        List<Integer> counts = new ArrayList<>();
        assertArrayEquals(IMAGE, read(new Fru.AreaInfo(IMAGE.length, true),
                device(IMAGE, 2, 255, CompletionCode.OK, counts)));
        assertTrue(counts.stream().allMatch(n -> n <= FruReader.FIRST_CHUNK / 2), counts.toString());
    }

    @Test
    void otherCodesFail() {
        var e = assertThrows(IpmiException.CompletionCodeError.class, () -> read(
                new Fru.AreaInfo(1024, false), device(IMAGE, 1, 0, CompletionCode.NOT_PRESENT, new ArrayList<>())));
        assertEquals(CompletionCode.NOT_PRESENT, e.code());
    }
}
