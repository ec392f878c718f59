package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** ~. leaves and ~B breaks at the start of a line only; ~~ types one ~; everything else is typed as it is. */
class ConsoleEscapeTest {
    private static ConsoleEscape.Keys feed(ConsoleEscape e, String keys) {
        byte[] b = keys.getBytes(StandardCharsets.ISO_8859_1);
        return e.feed(b, b.length);
    }

    private static String sent(ConsoleEscape.Keys k) {
        return new String(k.send(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void tildeDotLeavesAtTheStartOfALine() {
        ConsoleEscape e = new ConsoleEscape();
        ConsoleEscape.Keys k = feed(e, "ls\r~.");
        assertTrue(k.leave());
        assertEquals("ls\r", sent(k));
        assertTrue(feed(new ConsoleEscape(), "~.").leave(), "the very first keys count as a line start");
    }

    @Test
    void aTildeElsewhereOrDoubledIsTyped() {
        ConsoleEscape e = new ConsoleEscape();
        ConsoleEscape.Keys k = feed(e, "cd ~.x\r~~.\r~x");
        assertFalse(k.leave());
        assertEquals("cd ~.x\r~.\r~x", sent(k));
    }

    @Test
    void theTildeMayArriveInADifferentReadThanTheDot() {
        ConsoleEscape e = new ConsoleEscape();
        assertEquals("a\n", sent(feed(e, "a\n~")));
        assertTrue(feed(e, ".").leave());
    }

    @Test
    void tildeBSendsABreakBetweenTheKeysAroundIt() {
        ConsoleEscape e = new ConsoleEscape();
        ConsoleEscape.Keys k = feed(e, "ls\r~Bh");
        assertEquals("ls\rh", sent(k));
        assertEquals(3, k.breakAt(), "after ls and Enter, before the SysRq key");
        assertEquals(-1, feed(e, "x~B").breakAt(), "not at the start of a line: typed");
        assertTrue(feed(new ConsoleEscape(), "~B~.").leave(), "a break, then leave");
    }
}
