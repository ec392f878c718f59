package io.ipmirunner.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SequenceWindowTest {
    @Test
    void acceptsNewRejectsRepeatsAndFarJumps() {
        SequenceWindow w = new SequenceWindow();
        assertTrue(w.accept(100));
        assertFalse(w.accept(100), "replay");
        assertTrue(w.accept(102));
        assertTrue(w.accept(101), "late but inside the window");
        assertFalse(w.accept(101));
        assertFalse(w.accept(102 - 32), "too old");
        assertFalse(w.accept(102 + 33), "too far ahead");
        assertTrue(w.accept(102 + 32));
    }

    @Test
    void wrapsAroundUnsigned() {
        SequenceWindow w = new SequenceWindow();
        assertTrue(w.accept(-2));
        assertTrue(w.accept(-1));
        assertTrue(w.accept(1));
        assertFalse(w.accept(-1));
    }
}
