package io.ipmirunner.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Readings drift over time, stay in their normal band, and vanish where a real host has none when off. */
class SensorModelTest {
    private static final SensorDef CPU = SensorDef.STANDARD.get(1);

    @Test
    void readingsDriftButStayBetweenTheThresholds() {
        Set<Integer> seen = new HashSet<>();
        for (long t = 0; t < 3_600_000; t += 30_000) {
            var r = SensorModel.reading(CPU, 1, 4, true, t);
            seen.add(r.raw());
            assertEquals(0, r.state(), "no threshold crossed at t=" + t);
        }
        assertTrue(seen.size() > 5, "the value moves: " + seen);
    }

    @Test
    void stableWithinTheScanPeriodAndDifferentPerBmc() {
        assertEquals(SensorModel.value(CPU, 1, 4, true, 20_000), SensorModel.value(CPU, 1, 4, true, 20_000));
        assertNotEquals(SensorModel.value(CPU, 1, 4, true, 20_000), SensorModel.value(CPU, 1, 5, true, 20_000));
    }

    @Test
    void cpuReadingIsUnavailableWhileTheHostIsOff() {
        assertTrue(SensorModel.reading(CPU, 1, 4, false, 0).unavailable());
    }

    @Test
    void thresholdBitsFollowTheSdrThresholds() {
        SensorDef fan = SensorDef.STANDARD.get(3);
        assertEquals(0x07, SensorModel.thresholdState(fan, fan.raw(200)), "below LNC, LC and LNR");
        assertEquals(0x08, SensorModel.thresholdState(fan, fan.raw(13_900)), "above UNC only");
    }
}
