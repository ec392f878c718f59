package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipmirunner.modules.ModuleResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Under the free strategy a task's throttle and stagger hold across the hosts, as under linear. */
class FreePacingTest {
    @TempDir
    Path dir;

    @Test
    void throttleBoundsHostsInTheTaskAtOnce() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        FakeModule slow = new FakeModule("power", h.current, (host, a, n) -> {
            if (a.get("state").equals("on")) {
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                now.decrementAndGet();
            }
            return new ModuleResult(false, Map.of());
        });
        h.run("""
                - hosts: all
                  strategy: free
                  tasks:
                    - power: {state: status}
                    - name: paced
                      power: {state: "on"}
                      throttle: 2
                """, 8, 8, slow);
        assertEquals(2, most.get());
        assertEquals(16, slow.calls.size());
    }

    @Test
    void staggerSpacesStartsAcrossHosts() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        FakeModule power = new FakeModule("power", h.current, (host, a, n) -> new ModuleResult(true, Map.of()));
        h.run("""
                - hosts: all
                  strategy: free
                  tasks:
                    - name: paced
                      power: {state: "on"}
                      throttle: 1
                      stagger: 3s
                """, 3, 1, power);
        // One fork: the fake clock is one clock that every sleeper advances, so hosts sleeping at once would
        // add up their waits ([3 s, 6 s] or [3 s, 3 s] by the threads' race); one at a time the waits are exact.
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3)), h.time.sleeps);
        assertEquals(3, power.calls.size());
    }
}
