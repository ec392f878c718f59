package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.modules.PowerModule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner drives a real module on one simulated BMC per host and the fake clock: a power cycle that waits
 * out each host's 2 s power-good delay (BmcSettings.DEFAULTS) polls on fake time, not wall time.
 */
class ModulesOnFakeBmcsTest {
    @TempDir
    Path dir;

    @Test
    void powerCycleWithWaitPollsEachHostOnTheFakeClock() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        long wallStart = System.nanoTime();
        h.run("""
                - hosts: all
                  tasks:
                    - power: {state: cycle, wait: true}
                """, 3, 1, new PowerModule());
        // Waiting in real time would take 6 s; parsing and class loading on a busy machine take far less than 4.
        assertTrue(System.nanoTime() - wallStart < Duration.ofSeconds(4).toNanos(), "no host waited in real time");
        assertEquals(List.of("n1", "n2", "n3"), h.results().stream().map(RunEvent.HostResult::host).sorted().toList());
        for (RunEvent.HostResult r : h.results()) {
            assertEquals(RunEvent.Status.CHANGED, r.status(), r.host());
            assertEquals(true, r.result().get("confirmed"), r.host());
            assertEquals("on", r.result().get("previous"), r.host());
        }
        // One host at a time (forks 1): each polls at 0 s, 1 s and 2 s after its cycle.
        assertEquals(Collections.nCopies(6, Duration.ofSeconds(1)), h.time.sleeps);
    }
}
