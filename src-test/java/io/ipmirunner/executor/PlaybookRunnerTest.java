package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.inventory.InventoryLoader;
import io.ipmirunner.modules.ModuleResult;
import io.ipmirunner.playbook.PlaybookParser;
import io.ipmirunner.sim.FakeBmc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookRunnerTest {
    @TempDir
    Path dir;

    final FakeTime time = new FakeTime();
    final List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
    Resume resume = Resume.NONE;
    Journal journal;
    volatile PlaybookRunner playbookRunner;

    /** power: fails on hosts named in {@code failing}; state=on reports a change. */
    FakeModule power(Set<String> failing) {
        return new FakeModule("power", (h, a, n) -> {
            if (failing.contains(h)) {
                throw FakeModule.unreachable(h);
            }
            return new ModuleResult(a.get("state").equals("on"), Map.of("state", "on"));
        });
    }

    Map<String, RunEvent.Recap> run(String playbook, int hosts, int forks, FakeModule module) throws Exception {
        return run(playbook, hosts, forks, module, Set.of());
    }

    Map<String, RunEvent.Recap> run(String playbook, int hosts, int forks, FakeModule module, Set<String> tags)
            throws IOException, InterruptedException {
        return run(playbook, hosts, forks, module, tags, Optional.empty());
    }

    Map<String, RunEvent.Recap> run(String playbook, int hosts, int forks, FakeModule module, Set<String> tags,
                                    Optional<String> startAt) throws IOException, InterruptedException {
        Path inv = dir.resolve("inv.yml");
        StringBuilder sb = new StringBuilder("all:\n  hosts:\n");
        for (int i = 1; i <= hosts; i++) {
            sb.append("    n").append(i).append(":\n");
        }
        Files.writeString(inv, sb);
        Path pb = dir.resolve("play.yml");
        Files.writeString(pb, playbook);
        RunOptions options = new RunOptions(forks, false, tags, Set.of(), Map.of(), startAt, resume, time, time,
                FakeTime.NO_JITTER);
        TaskRunner runner = new TaskRunner(new ActionRunner(time, time, false, FakeTime.NO_JITTER,
                FakeModule.only(module)), time, time, FakeTime.NO_JITTER);
        playbookRunner = new PlaybookRunner(options, runner, h -> new FakeBmc(h, time), e -> {
            events.add(e);
            if (journal != null) {
                journal.on(e);
            }
        });
        return playbookRunner.run(PlaybookParser.parse(pb), Inventory.load(List.of(inv.toString()),
                InventoryLoader.Options.defaults()), Optional.empty());
    }

    List<String> trace() {
        List<String> out = new ArrayList<>();
        List<RunEvent> seen;
        synchronized (events) {
            seen = List.copyOf(events);
        }
        for (RunEvent e : seen) {
            switch (e) {
                case RunEvent.TaskStarted t -> out.add((t.handler() ? "HANDLER " : "TASK ") + t.task());
                case RunEvent.HostResult r -> out.add(r.status().label() + " " + r.host());
                default -> { }
            }
        }
        return out;
    }

    @Test
    void linearFinishesEveryHostBeforeTheNextTaskAndFailedHostsLeave() throws Exception {
        var recap = run("""
                - hosts: all
                  tasks:
                    - name: one
                      power: {state: status}
                    - name: two
                      debug: {msg: hi}
                """, 3, 1, power(Set.of("n2")));
        assertEquals(List.of("TASK one", "ok n1", "unreachable n2", "ok n3", "TASK two", "ok n1", "ok n3"), trace());
        assertEquals(1, recap.get("n2").unreachable());
        assertEquals(2, recap.get("n1").ok());
    }

    @Test
    void serialBatchesRunTheWholePlayPerBatchAndMaxFailPercentageStopsIt() throws Exception {
        run("""
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
                "TASK one", "unreachable n2", "ok n3"), trace().subList(0, 7));
        assertTrue(trace().stream().noneMatch(s -> s.endsWith("n4")), trace().toString());
    }

    @Test
    void handlersRunOnceAtTheEndOfTheSectionForNotifiedHosts() throws Exception {
        run("""
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
        List<String> t = trace();
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
        var recap = run(GUARDED, 2, 1, timesOut);
        assertEquals(List.of("TASK try", "ok n1", "failed n2", "TASK recover", "ok n2", "TASK finally", "ok n1",
                "ok n2", "TASK after", "ok n1", "ok n2"), trace());
        assertEquals(new RunEvent.Recap(3, 0, 0, 0, 0, 1, 0), recap.get("n2"));
    }

    /** As ansible-core 2.x does (run by hand): "unreachable hosts will not trigger the rescue block", nor always. */
    @Test
    void anUnreachableHostLeavesThePlayWithoutRescueOrAlways() throws Exception {
        var recap = run(GUARDED, 2, 1, power(Set.of("n2")));
        assertEquals(List.of("TASK try", "ok n1", "unreachable n2", "TASK finally", "ok n1", "TASK after", "ok n1"),
                trace());
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
        run("""
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
        assertEquals(List.of("TASK once", "ok n1"), trace().subList(0, 2));
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3)), time.sleeps);
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
        run("- hosts: all\n  tasks:\n    - power: {state: status}\n", 12, 3, slow);
        assertEquals(3, most.get());
        assertEquals(12, slow.calls.size());
    }

    @Test
    void freeLetsAHostRunAheadOfASlowOne() throws Exception {
        FakeModule p = new FakeModule("power", (h, a, n) -> {
            if (h.equals("n1") && a.get("state").equals("status")) {
                // n1 stays in task one until n2's result of task two is out: only free lets n2 get there
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (!trace().contains("changed n2")) {
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
        var recap = run("""
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
        assertTrue(trace().indexOf("changed n2") < trace().indexOf("ok n1"), trace().toString());
    }

    @Test
    void startAtTaskAndReverseOrder() throws Exception {
        run("""
                - hosts: all
                  order: reverse_sorted
                  tasks:
                    - name: first
                      debug: {msg: a}
                    - name: second
                      debug: {msg: b}
                """, 2, 1, power(Set.of()), Set.of(), Optional.of("second"));
        assertEquals(List.of("TASK second", "ok n2", "ok n1"), trace());
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
        var recap = run("""
                - hosts: all
                  tasks:
                    - power: {state: status}
                      timeout: 1s
                """, 2, 8, hang);
        assertEquals(1, recap.get("n1").failed());
        assertEquals(1, recap.get("n2").ok());
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.HostResult r
                && r.failureClass() == FailureClass.TIMEOUT));
    }

    @Test
    void resumeReplaysFinishedResultsWithTheirRegisteredValuesAndRunsTheRest() throws Exception {
        String playbook = """
                - hosts: all
                  tasks:
                    - name: read
                      power: {state: status}
                      register: first
                    - name: same name, other task
                      set_fact: {seen: "{{ first.state }}"}
                    - name: switch
                      power: {state: "{{ seen }}"}
                """;
        Path runDir = dir.resolve("run");
        FakeModule p1 = power(Set.of());
        try (Journal j = new Journal(runDir, time)) {
            journal = j;
            run(playbook, 2, 1, p1);
        }
        Path file = runDir.resolve("journal.jsonl");
        List<String> lines = Files.readAllLines(file);
        int cut = 0;
        while (!(lines.get(cut).contains("\"host_result\"") && lines.get(cut).contains("\"task\":\"switch\""))) {
            cut++;
        }
        // killed while n2 was writing its "switch" result: n1's is whole, n2's torn
        Files.write(file, lines.subList(0, cut + 1));
        Files.writeString(file, lines.get(cut + 1).substring(0, 40), java.nio.file.StandardOpenOption.APPEND);
        resume = Resume.from(runDir);
        journal = null;
        events.clear();
        FakeModule p2 = power(Set.of());
        var recap = run(playbook, 2, 1, p2);
        assertEquals(List.of("n2 {state=on}"), p2.calls);
        assertEquals(new RunEvent.Recap(3, 1, 0, 0, 0, 0, 0), recap.get("n1"));
        assertEquals(new RunEvent.Recap(3, 1, 0, 0, 0, 0, 0), recap.get("n2"));
    }

    @Test
    void blockKeywordsReachTheTasksInside() throws Exception {
        var recap = run("""
                - hosts: all
                  tasks:
                    - block:
                        - name: failing
                          fail: {msg: "{{ why }}"}
                        - name: next
                          debug: {msg: "{{ why }}"}
                      ignore_errors: true
                      vars: {why: inherited}
                """, 1, 1, power(Set.of()));
        assertEquals(new RunEvent.Recap(1, 0, 0, 0, 0, 0, 1), recap.get("n1"));
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.HostResult r && "inherited".equals(r.error())));
    }

    @Test
    void stopLetsRunningHostsFinishAndStartsNothingNew() throws Exception {
        FakeModule p = new FakeModule("power", (h, a, n) -> {
            if (h.equals("n2")) {
                playbookRunner.stop();
            }
            return new ModuleResult(false, Map.of());
        });
        var recap = run("""
                - hosts: all
                  tasks:
                    - name: one
                      power: {state: status}
                    - name: two
                      power: {state: status}
                - hosts: all
                  tasks:
                    - debug: {msg: later}
                """, 4, 1, p);
        assertEquals(List.of("n1 {state=status}", "n2 {state=status}"), p.calls);
        assertEquals(List.of("TASK one", "ok n1", "ok n2"), trace());
        assertTrue(playbookRunner.stopped());
        assertEquals(0, recap.get("n3").ok());
    }

    @Test
    void anyErrorsFatalStopsThePlayForAll() throws Exception {
        run("""
                - hosts: all
                  any_errors_fatal: true
                  tasks:
                    - name: one
                      power: {state: status}
                    - name: two
                      debug: {msg: hi}
                """, 3, 8, power(Set.of("n3")));
        assertTrue(trace().stream().noneMatch(s -> s.equals("TASK two")), trace().toString());
    }

    @Test
    void tagsSelectTasks() throws Exception {
        run("""
                - hosts: all
                  tasks:
                    - name: tagged
                      debug: {msg: a}
                      tags: [power]
                    - name: untagged
                      debug: {msg: b}
                """, 1, 1, power(Set.of()), Set.of("power"));
        assertEquals(List.of("TASK tagged", "ok n1"), trace());
    }
}
