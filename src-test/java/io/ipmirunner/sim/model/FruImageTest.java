package io.ipmirunner.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The FRU image obeys the FRU Information Storage Definition v1.0 checksums and carries unique serials. */
class FruImageTest {
    @Test
    void headerAndEveryAreaSumToZero() {
        byte[] fru = FruImage.build(Personality.HPE, BmcIdentity.of(5, 3, Personality.HPE), false);
        assertEquals(0, sum(fru, 0, 8), "common header");
        for (int headerOffset = 2; headerOffset <= 4; headerOffset++) {
            int start = (fru[headerOffset] & 0xFF) * 8;
            int length = (fru[start + 1] & 0xFF) * 8;
            assertEquals(0, sum(fru, start, length), "area at " + start);
        }
        assertTrue(text(fru).contains("ProLiant DL380 Gen10"));
    }

    @Test
    void theQuirkBreaksOnlyTheBoardChecksum() {
        byte[] fru = FruImage.build(Personality.DELL, BmcIdentity.of(5, 3, Personality.DELL), true);
        int board = (fru[3] & 0xFF) * 8;
        assertNotEquals(0, sum(fru, board, (fru[board + 1] & 0xFF) * 8));
        assertEquals(0, sum(fru, 0, 8));
    }

    @Test
    void serialsDifferBetweenBmcsAndRepeatForTheSameSeed() {
        var a = BmcIdentity.of(9, 1, Personality.GENERIC);
        var b = BmcIdentity.of(9, 2, Personality.GENERIC);
        assertNotEquals(a.productSerial(), b.productSerial());
        assertNotEquals(a.assetTag(), b.assetTag());
        assertEquals(a.productSerial(), BmcIdentity.of(9, 1, Personality.GENERIC).productSerial());
    }

    private static int sum(byte[] b, int from, int length) {
        int s = 0;
        for (int i = from; i < from + length; i++) {
            s += b[i];
        }
        return s & 0xFF;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
