package io.ipmirunner.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The SEL's and the SDR repository's reservation rule (IPMI v2.0 §31.4, §33.11), kept in one place. */
class ReservationTest {
    @Test
    void onlyTheLatestReservationHoldsAndZeroNever() {
        Reservation r = new Reservation();
        assertFalse(r.holds(0), "no reservation yet: 0 is not one");
        int first = r.reserve();
        int second = r.reserve();
        assertEquals(1, first);
        assertEquals(2, second);
        assertFalse(r.holds(first), "a new reservation cancels the one before");
        assertTrue(r.holds(second));
        r.cancel();
        assertFalse(r.holds(second), "a clear or a reset cancels it");
        assertFalse(r.holds(0));
    }

    @Test
    void theIdWrapsFromFfffToOneNeverZero() {
        Reservation r = new Reservation();
        int id = 0;
        for (int i = 0; i < 0xFFFF; i++) {
            id = r.reserve();
        }
        assertEquals(0xFFFF, id);
        assertEquals(1, r.reserve());
    }
}
