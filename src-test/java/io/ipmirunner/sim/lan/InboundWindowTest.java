package io.ipmirunner.sim.lan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InboundWindowTest {
    @Test
    void takesEachNumberOnceAndOutOfOrderWithinTheWindow() {
        InboundWindow w = new InboundWindow();
        assertTrue(w.accept(100));
        assertTrue(w.accept(102));
        assertTrue(w.accept(101), "late but new");
        assertFalse(w.accept(101), "replay");
        assertFalse(w.accept(102), "replay");
        assertTrue(w.accept(134), "32 ahead");
        assertFalse(w.accept(102), "now 32 behind: outside");
        assertFalse(w.accept(167), "33 ahead");
    }

    @Test
    void wrapsAroundThe32BitCounter() {
        InboundWindow w = new InboundWindow();
        assertTrue(w.accept(-2));
        assertTrue(w.accept(-1));
        assertTrue(w.accept(1));
        assertFalse(w.accept(-1));
    }
}
