package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.modules.ModuleResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookRunnerTest {
    @TempDir
    Path dir;
    PlayHarness play;

    @BeforeEach
    void harness() {
        play = new PlayHarness(dir);
    }

    /** power: fails on hosts named in {@code failing}; state=on reports a change. */
    static FakeModule power(Set<String> failing) {
        return new FakeModule("power", (h, a, n) -> {
            if (failing.contains(h)) {
                throw FakeModule.unreachable(h);
            }
            return new ModuleResult(a.get("state").equals("on"), Map.of("state", "on"));
        });
    }

    @Test
    void linearFinishesEveryHostBeforeTheNextTaskAndFailedHostsLeave() throws Exception {
        var recap = play.run("""
                - hosts: all
                  tasks:
                    - name: one
                      power: {state: status}
                    - name: two
                      debug: {msg: hi}
                """, 3, 1, power(Set.of("n2")));
        assertEquals(List.of("TASK one", "ok n1", "unreachable n2", "ok n3", "TASK two", "ok n1", "ok n3"), play.trace());
        assertEquals(1, recap.get("n2").unreachable());
        assertEquals(2, recap.get("n1").ok());
    }

    @Test
    void serialBatchesRunTheWholePlayPerBatchAndMaxFailPercentageStopsIt() throws Exception {
        play.run("""
                - hosts: all
                  serial: [1, 2]
                  max_fail_percentage: 40
                  tasks:
                    - name: one
                      power: {state: status}
                    - name: two
                      debug: {msg: hi}
                """, 5, 1, power(Set.of("n2")));
        assertEquals(List.of("TASK one", "ok n1", "TASK two", "ok n1",
                "TASK one", "unreachable n2", "ok n3"), play.trace().subList(0, 7));
        assertTrue(play.trace().stream().noneMatch(s -> s.endsWith("n4")), play.trace().toString());
    }

    @Test
    void handlersRunOnceAtTheEndOfTheSectionForNotifiedHosts() throws Exception {
        play.run("""
                - hosts: all
                  tasks:
                    - name: switch
                      power: {state: "{{ 'on' if inventory_hostname == 'n1' else 'status' }}"}
                      notify: report
                    - name: again
                      power: {state: "on"}
                      notify: report
                  handlers:
                    - name: report
                      debug: {msg: changed}
                """, 2, 1, power(Set.of()));
        List<String> t = play.trace();
        assertEquals(List.of("HANDLER report", "ok n1", "ok n2"), t.subList(t.size() - 3, t.size()));
    }

    @Test
    void rescueRecoversAndAlwaysRunsForEveryone() throws Exception {
        FakeModule timesOut = new FakeModule("power", (h, a, n) -> {
            if (h.equals("n2")) {
                throw new io.ipmirunner.ipmi.IpmiException.Timeout(h, io.ipmirunner.ipmi.Phase.COMMAND, 1000, 3);
            }
            return new ModuleResult(false, Map.of("state", "on"));
        });
        var recap = play.run(GUARDED, 2, 1, timesOut);
        assertEquals(List.of("TASK try", "ok n1", "failed n2", "TASK recover", "ok n2", "TASK finally", "ok n1",
                "ok n2", "TASK after", "ok n1", "ok n2"), play.trace());
        assertEquals(new RunEvent.Recap(3, 0, 0, 0, 0, 1, 0), recap.get("n2"));
    }

    /** As ansible-core 2.x does (run by hand): "unreachable hosts will not trigger the rescue block", nor always. */
    @Test
    void anUnreachableHostLeavesThePlayWithoutRescueOrAlways() throws Exception {
        var recap = play.run(GUARDED, 2, 1, power(Set.of("n2")));
        assertEquals(List.of("TASK try", "ok n1", "unreachable n2", "TASK finally", "ok n1", "TASK after", "ok n1"),
                play.trace());
        assertEquals(new RunEvent.Recap(0, 0, 1, 0, 0, 0, 0), recap.get("n2"));
    }

    private static final String GUARDED = """
            - hosts: all
              tasks:
                - block:
                    - name: try
                      power: {state: status}
                  rescue:
                    - name: recover
                      assert:
                        that: ['ansible_failed_task.name == "try"', 'ansible_failed_result.failed']
                  always:
                    - name: finally
                      debug: {msg: done}
                - name: after
                  debug: {msg: after}
            """;

    @Test
    void runOnceThrottleAndStagger() throws Exception {
        FakeModule p = power(Set.of());
        play.run("""
                - hosts: all
                  tasks:
                    - name: once
                      power: {state: status}
                      run_once: true
                      register: first
                    - assert: {that: ['first.state == "on"']}
                    - name: paced
                      power: {state: "on"}
                      throttle: 1
                      stagger: 3s
                """, 3, 1, p);
        assertEquals(List.of("TASK once", "ok n1"), play.trace().subList(0, 2));
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3)), play.time.sleeps);
        assertEquals(List.of("n1 {state=status}", "n1 {state=on}", "n2 {state=on}", "n3 {state=on}"), p.calls);
    }

    @Test
    void forksBoundHowManyHostsWorkAtOnce() throws Exception {
        java.util.concurrent.atomic.AtomicInteger now = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        FakeModule slow = new FakeModule("power", (h, a, n) -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now.decrementAndGet();
            return new ModuleResult(false, Map.of());
        });
        play.run("- hosts: all\n  tasks:\n    - power: {state: status}\n", 12, 3, slow);
        assertEquals(3, most.get());
        assertEquals(12, slow.calls.size());
    }

    @Test
    void freeLetsAHostRunAheadOfASlowOne() throws Exception {
        FakeModule p = new FakeModule("power", (h, a, n) -> {
            if (h.equals("n1") && a.get("state").equals("status")) {
                // n1 stays in task one until n2's result of task two is out: only free lets n2 get there
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (!play.trace().contains("changed n2")) {
                    assertTrue(System.nanoTime() < deadline, "n2 did not run ahead");
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            return new ModuleResult(a.get("state").equals("on"), Map.of());
        });
        var recap = play.run("""
                - hosts: all
                  strategy: free
                  tasks:
                    - name: one
                      power: {state: status}
                    - name: two
                      power: {state: "on"}
                      notify: done
                  handlers:
                    - name: done
                      debug: {msg: done}
                """, 2, 8, p);
        assertEquals(new RunEvent.Recap(3, 1, 0, 0, 0, 0, 0), recap.get("n1"));
        assertEquals(new RunEvent.Recap(3, 1, 0, 0, 0, 0, 0), recap.get("n2"));
        assertTrue(play.trace().indexOf("changed n2") < play.trace().indexOf("ok n1"), play.trace().toString());
    }

    @Test
    void startAtTaskAndReverseOrder() throws Exception {
        play.startAt = Optional.of("second");
        play.run("""
                - hosts: all
                  order: reverse_sorted
                  tasks:
                    - name: first
                      debug: {msg: a}
                    - name: second
                      debug: {msg: b}
                """, 2, 1, power(Set.of()));
        assertEquals(List.of("TASK second", "ok n2", "ok n1"), play.trace());
    }

    @Test
    void taskTimeoutFailsAHangingHostOnly() throws Exception {
        FakeModule hang = new FakeModule("power", (h, a, n) -> {
            if (h.equals("n1")) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new ModuleResult(false, Map.of());
        });
        var recap = play.run("""
                - hosts: all
                  tasks:
                    - power: {state: status}
                      timeout: 1s
                """, 2, 8, hang);
        assertEquals(1, recap.get("n1").failed());
        assertEquals(1, recap.get("n2").ok());
        assertTrue(play.events.stream().anyMatch(e -> e instanceof RunEvent.HostResult r
                && r.failureClass() == FailureClass.TIMEOUT));
    }

}
