package io.ipmirunner.sim.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PowerHistoryTest {
    @Test
    void stateAtAnyRecentTimeAndTheOldestKeptAsTheBaseline() {
        PowerHistory h = new PowerHistory(true);
        assertTrue(h.onAt(0));
        h.record(1_000, false);
        h.record(5_000, true);
        assertTrue(h.onAt(999));
        assertFalse(h.onAt(1_000));
        assertFalse(h.onAt(4_999));
        assertTrue(h.onAt(5_000));
        h.record(3 * 3_600_000L, false);
        assertTrue(h.onAt(2 * 3_600_000L), "the change at 5 s fell out of the two hours but is the baseline");
        assertFalse(h.onAt(3 * 3_600_000L));
    }
}
