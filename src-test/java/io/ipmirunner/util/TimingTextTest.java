package io.ipmirunner.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Messages that differ only by a duration group as one, and show the range. */
class TimingTextTest {
    @Test
    void durationsAreIgnoredForGroupingAndShownAsARange() {
        String a = "timeout in RAKP 1 after 5000 ms (1 attempts)";
        String b = "timeout in RAKP 1 after 5001 ms (1 attempts)";
        assertEquals(TimingText.key(a), TimingText.key(b));
        assertNotEquals(TimingText.key(a), TimingText.key("timeout in RAKP 1 after 5000 ms (2 attempts)"),
                "a count is not a duration");
        assertNotEquals(TimingText.key("node12 after 1 s"), TimingText.key("node13 after 1 s"),
                "numbers in names stay");
        assertEquals("power is still off after # s", TimingText.key("power is still off after 60.5 s"));
        TimingText.Spread spread = new TimingText.Spread();
        spread.add(b);
        spread.add(a);
        spread.add("timeout in RAKP 1 after 5003 ms (1 attempts)");
        assertEquals("timeout in RAKP 1 after 5000-5003 ms (1 attempts)", spread.text());
        TimingText.Spread one = new TimingText.Spread();
        one.add(a);
        assertEquals(a, one.text());
    }
}
