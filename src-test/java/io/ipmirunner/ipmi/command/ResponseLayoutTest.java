package io.ipmirunner.ipmi.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipmirunner.ipmi.wire.MalformedPacketException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A response must fit the layout of the command it answers: what is left over or missing is an error. */
class ResponseLayoutTest {
    @Test
    void bytesPastTheLayoutAreAnErrorNotData() throws Exception {
        byte[] info = HexFormat.of().parseHex("51" + "0900" + "ffff" + "00000000" + "00000000" + "02");
        assertEquals(9, Commands.GET_SDR_REPOSITORY_INFO.decodeResponse(info).records());
        byte[] padded = HexFormat.of().parseHex("51" + "0900" + "ffff" + "00000000" + "00000000" + "02" + "a5");
        assertEquals("1 bytes past the end of its 14-byte layout", assertThrows(MalformedPacketException.class,
                () -> Commands.GET_SDR_REPOSITORY_INFO.decodeResponse(padded)).getMessage());
    }

    @Test
    void documentedTailsAndOptionalFieldsAreLayout() throws Exception {
        // §33.12: Get SDR's record bytes are the variable tail; §35.14: Get Sensor Reading's byte 4 is optional.
        assertArrayEquals(new byte[] {1, 2, 3}, Commands.GET_SDR.decodeResponse(new byte[] {-1, -1, 1, 2, 3}).bytes());
        Commands.GET_SENSOR_READING.decodeResponse(new byte[] {0x10, (byte) 0xC0, 0x00, (byte) 0x80});
        assertThrows(MalformedPacketException.class,
                () -> Commands.GET_SENSOR_READING.decodeResponse(new byte[] {0x10, (byte) 0xC0, 0x00, 0x00, 0x00}));
    }

    @Test
    void readFruDataCountMustMatchItsBytes() throws Exception {
        assertArrayEquals(new byte[] {7, 8}, Commands.READ_FRU_DATA.decodeResponse(new byte[] {2, 7, 8}).bytes());
        assertThrows(MalformedPacketException.class, () -> Commands.READ_FRU_DATA.decodeResponse(new byte[] {3, 7, 8}));
        assertThrows(MalformedPacketException.class, () -> Commands.READ_FRU_DATA.decodeResponse(new byte[] {1, 7, 8}));
    }

    /** Every command's response decoder, random bytes of every short length: the typed error or a value. */
    @Test
    void randomBytesDecodeOrFailTyped() {
        SplittableRandom random = new SplittableRandom(16);
        for (CommandSpec<?, ?> spec : Commands.all()) {
            for (int i = 0; i < 2000; i++) {
                byte[] data = new byte[random.nextInt(48)];
                random.nextBytes(data);
                try {
                    spec.decodeResponse(data);
                } catch (MalformedPacketException expected) {
                    // the typed error is the point
                } catch (RuntimeException e) {
                    throw new AssertionError(spec + " on " + HexFormat.of().formatHex(data) + ": " + e, e);
                }
            }
        }
    }
}
