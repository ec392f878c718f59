package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.client.SolConsole;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The console module's arguments and its text: ANSI removed, split sequences too, a bounded ring. */
class ConsoleModuleTest {
    private final ConsoleModule module = new ConsoleModule();

    @Test
    void argumentsAsTheContractWritesThem() throws Exception {
        ConsoleModule.Args a = module.validate(Map.of("until", "login:", "timeout", "20s"));
        assertEquals("login:", a.until().orElseThrow().pattern());
        assertEquals(Duration.ofSeconds(20), a.limit());
        assertEquals(SolConsole.WhenActive.FAIL, a.policy());
        assertEquals(Duration.ofSeconds(20), module.validate(Map.of("until", "x", "timeout", "20")).limit());
        assertEquals(ConsoleModule.DEFAULT_TIMEOUT, module.validate(Map.of("until", "x")).limit());
        ConsoleModule.Args d = module.validate(Map.of("duration", "500ms", "send", "root", "policy", "steal"));
        assertEquals(Duration.ofMillis(500), d.limit());
        assertEquals("root", d.send().orElseThrow());
        assertEquals(SolConsole.WhenActive.STEAL, d.policy());
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertMessage(Map.of(), "until=REGEX (with timeout) or duration=TIME");
        assertMessage(Map.of("until", "a", "duration", "1s"), "one of them");
        assertMessage(Map.of("duration", "1s", "timeout", "2s"), "timeout goes with until");
        assertMessage(Map.of("until", "(unclosed"), "until is not a regular expression");
        assertMessage(Map.of("until", "a", "timeout", "soon"), "timeout must be a duration");
        assertMessage(Map.of("duration", "0"), "more than 0");
        assertMessage(Map.of("until", "a", "policy", "share"), "policy must be fail or steal");
        assertMessage(Map.of("until", "a", "wait", "1"), "unknown argument 'wait'");
    }

    private void assertMessage(Map<String, String> args, String part) {
        ModuleArgumentException e = assertThrows(ModuleArgumentException.class, () -> module.validate(args));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    private static String text(ConsoleText t, String raw) {
        byte[] b = raw.getBytes(StandardCharsets.ISO_8859_1);
        t.append(b, 0, b.length);
        return t.text();
    }

    @Test
    void ansiSequencesAndCarriageReturnsAreRemoved() {
        String screen = "\u001b[2J\u001b[1;1H\u001b[1;32mOK\u001b[0m\r\n\u001b]0;title\u0007PXE\u001b(B boot\r\n"
                + "\u001b]2;t\u001b\\login:\u0008 ";
        assertEquals("OK\nPXE boot\nlogin: ", text(new ConsoleText(1000), screen));
    }

    @Test
    void aSequenceSplitAcrossReadsIsStillRemoved() {
        String screen = "a\u001b[1;32mb\u001b]0;x\u0007c";
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            ConsoleText t = new ConsoleText(100);
            byte[] b = screen.getBytes(StandardCharsets.ISO_8859_1);
            int i = 0;
            while (i < b.length) {
                int n = random.nextInt(1, b.length - i + 1);
                t.append(b, i, n);
                i += n;
            }
            assertEquals("abc", t.text());
        }
    }

    @Test
    void theRingKeepsTheLastCharactersAndAnUnendedSequenceSwallowsLittle() {
        ConsoleText t = new ConsoleText(10);
        assertEquals("0123456789", text(t, "abcdefghij0123456789"));
        assertEquals(10, t.dropped());
        ConsoleText garbage = new ConsoleText(1000);
        String after = text(garbage, "\u001b]" + "x".repeat(300) + "visible");
        assertTrue(after.endsWith("visible"), after);
    }
}
