package io.ipmirunner.ipmi.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one command table: no (netFn, cmd) pair twice, every request netFn even (responses are odd, §5.1). */
class CommandTableTest {
    @Test
    void everyCommandIsListedOnceWithARequestNetFn() {
        Set<Integer> seen = new HashSet<>();
        for (CommandSpec<?, ?> spec : Commands.all()) {
            assertTrue(seen.add(spec.netFn() << 8 | spec.cmd()), "listed twice: " + spec);
            assertEquals(0, spec.netFn() & 1, "request netFn must be even: " + spec);
        }
        assertTrue(seen.size() > 30);
    }
}
