package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.modules.ModuleResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The free strategy over per-host cursors, with fewer forks than hosts: hosts start at different times. */
class FreeCursorsTest {
    @TempDir
    Path dir;

    @Test
    void startAtTaskNeverRunsAnEarlierTaskOnAnyHost() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        h.startAt = Optional.of("two");
        FakeModule power = new FakeModule("power", (host, a, n) -> new ModuleResult(false, Map.of()));
        var recap = h.run("""
                - hosts: all
                  strategy: free
                  tasks:
                    - name: one
                      power: {state: "off"}
                    - name: two
                      power: {state: status}
                    - name: three
                      power: {state: "on"}
                """, 6, 2, power);
        assertTrue(power.calls.stream().noneMatch(c -> c.contains("state=off")), power.calls.toString());
        assertEquals(12, power.calls.size());
        assertEquals(6, recap.size());
        assertTrue(recap.values().stream().allMatch(r -> r.ok() == 2 && r.failed() == 0));
    }

    @Test
    void runOnceRunsOnceAndEveryHostTakesItsResult() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        FakeModule power = new FakeModule("power", (host, a, n) -> new ModuleResult(true,
                Map.of("state", "on")));
        h.run("""
                - hosts: all
                  strategy: free
                  tasks:
                    - name: once
                      power: {state: "on"}
                      run_once: true
                      register: first
                    - name: after
                      assert: {that: ['first.state == "on"']}
                """, 5, 2, power);
        assertEquals(1, power.calls.size(), power.calls.toString());
        List<RunEvent.HostResult> after = h.results().stream().filter(r -> r.task().equals("after")).toList();
        assertEquals(5, after.size());
        assertTrue(after.stream().allMatch(r -> r.status() == RunEvent.Status.OK), after.toString());
    }

    @Test
    void aFailureARescueCatchesIsNotFatal() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        FakeModule power = new FakeModule("power", (host, a, n) -> {
            if (host.equals("n2")) {
                throw new io.ipmirunner.ipmi.IpmiException.Timeout(host, io.ipmirunner.ipmi.Phase.COMMAND, 1000, 3);
            }
            return new ModuleResult(false, Map.of());
        });
        var recap = h.run("""
                - hosts: all
                  any_errors_fatal: true
                  tasks:
                    - block:
                        - name: try
                          power: {state: status}
                      rescue:
                        - name: caught
                          debug: {msg: rescued}
                    - name: after
                      debug: {msg: go on}
                """, 3, 3, power);
        assertEquals(3, h.results().stream().filter(r -> r.task().equals("after")).count(), h.results().toString());
        assertEquals(1, recap.get("n2").rescued());
        assertEquals(0, recap.get("n2").unreachable());
    }

    @Test
    void startAtTaskInsideABlockThatDoesNotApplyRunsWhatFollowsTheBlock() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        h.startAt = Optional.of("two");
        FakeModule power = new FakeModule("power", (host, a, n) -> new ModuleResult(false, Map.of()));
        h.run("""
                - hosts: all
                  strategy: free
                  tasks:
                    - name: one
                      power: {state: "off"}
                    - block:
                        - name: two
                          power: {state: cycle}
                      when: inventory_hostname == 'n1'
                    - name: three
                      power: {state: status}
                """, 3, 1, power);
        assertEquals(List.of("n1 {state=cycle}", "n1 {state=status}", "n2 {state=status}", "n3 {state=status}"),
                power.calls.stream().sorted().toList());
    }

    @Test
    void aModuleThatThrowsFailsItsHostAndTheRunGoesOn() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        FakeModule power = new FakeModule("power", (host, a, n) -> {
            if (host.equals("n2")) {
                throw new IllegalStateException("decoder bug");
            }
            return new ModuleResult(false, Map.of("state", "on"));
        });
        var recap = h.run("""
                - hosts: all
                  tasks:
                    - name: one
                      power: {state: status}
                    - name: two
                      debug: {msg: after}
                """, 3, 3, power);
        RunEvent.HostResult n2 = h.results().stream().filter(r -> r.host().equals("n2")).findFirst().orElseThrow();
        assertEquals(FailureClass.INTERNAL, n2.failureClass());
        assertEquals("internal error (please report it): decoder bug", n2.error());
        assertEquals(1, recap.get("n2").failed());
        assertEquals(2, h.results().stream().filter(r -> r.task().equals("two")).count(), "the others go on");
    }
}
