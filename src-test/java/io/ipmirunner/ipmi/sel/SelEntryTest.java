package io.ipmirunner.ipmi.sel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelEntryTest {
    /** Record 1, 2024-01-01T00:00:00Z, BMC 0x20, EvM 4, temperature #1, assertion, threshold, UNC going high. */
    private static final byte[] EVENT = HexFormat.of().parseHex("0100" + "02" + "80009265" + "2000" + "04"
            + "01" + "01" + "01" + "575550");

    @Test
    void systemEventDecodesToWords() {
        SelEntry.SystemEvent e = assertInstanceOf(SelEntry.SystemEvent.class, SelEntry.decode(EVENT));
        assertEquals(1, e.id());
        assertEquals("2024-01-01T00:00:00Z", SelEntry.timestampText(e.timestamp()));
        assertEquals(0x20, e.generatorId());
        assertEquals(7, e.offset());
        assertEquals("Upper Non-critical going high", EventText.of(e));
        byte[] deassert = EVENT.clone();
        deassert[12] = (byte) 0x81;
        assertEquals(true, ((SelEntry.SystemEvent) SelEntry.decode(deassert)).deassertion());
    }

    @Test
    void sensorSpecificAndUnknownOffsets() {
        byte[] psu = EVENT.clone();
        psu[10] = 0x08;
        psu[12] = 0x6f;
        psu[13] = 0x01;
        assertEquals("Failure detected", EventText.of((SelEntry.SystemEvent) SelEntry.decode(psu)));
        psu[10] = 0x2c;
        assertEquals("event type 0x6f offset 0x1", EventText.of((SelEntry.SystemEvent) SelEntry.decode(psu)));
    }

    @Test
    void timestampsOemAndShortRecords() {
        assertEquals("pre-init +42s", SelEntry.timestampText(42));
        assertEquals("unspecified", SelEntry.timestampText(0xFFFFFFFFL));
        byte[] oem = EVENT.clone();
        oem[2] = (byte) 0xE0;
        assertEquals(SelEntry.UNSPECIFIED, assertInstanceOf(SelEntry.Oem.class, SelEntry.decode(oem)).timestamp());
        oem[2] = (byte) 0xC1;
        assertEquals(0x65920080L, ((SelEntry.Oem) SelEntry.decode(oem)).timestamp());
        assertInstanceOf(SelEntry.Malformed.class, SelEntry.decode(Arrays.copyOf(EVENT, 9)));
        assertEquals(-1, SelEntry.decode(new byte[1]).id());
    }

    @Test
    void anyBytesDecodeWithoutThrowing() {
        SplittableRandom rnd = new SplittableRandom(0x5E1);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 50_000; i++) {
                byte[] b = new byte[rnd.nextInt(0, 20)];
                rnd.nextBytes(b);
                SelEntry e = SelEntry.decode(b);
                if (e instanceof SelEntry.SystemEvent s) {
                    assertNotNull(EventText.of(s));
                    assertNotNull(SelEntry.timestampText(s.timestamp()));
                }
            }
        });
    }
}
