package io.ipmirunner.executor;

import static io.ipmirunner.executor.PlaybookRunnerTest.power;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.modules.ModuleResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a play is steered: resume from a torn journal, block keywords, stop, any_errors_fatal, tags. */
class PlayControlTest {
    @TempDir
    Path dir;
    PlayHarness play;

    @BeforeEach
    void harness() {
        play = new PlayHarness(dir);
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
        try (Journal j = new Journal(runDir, play.time)) {
            play.extra = j::on;
            play.run(playbook, 2, 1, p1);
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
        play.resume = Resume.from(runDir);
        play.extra = e -> { };
        play.events.clear();
        FakeModule p2 = power(Set.of());
        var recap = play.run(playbook, 2, 1, p2);
        assertEquals(List.of("n2 {state=on}"), p2.calls);
        assertEquals(new RunEvent.Recap(3, 1, 0, 0, 0, 0, 0), recap.get("n1"));
        assertEquals(new RunEvent.Recap(3, 1, 0, 0, 0, 0, 0), recap.get("n2"));
    }

    @Test
    void blockKeywordsReachTheTasksInside() throws Exception {
        var recap = play.run("""
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
        assertTrue(play.events.stream().anyMatch(e -> e instanceof RunEvent.HostResult r && "inherited".equals(r.error())));
    }

    @Test
    void stopLetsRunningHostsFinishAndStartsNothingNew() throws Exception {
        FakeModule p = new FakeModule("power", (h, a, n) -> {
            if (h.equals("n2")) {
                play.runner.stop();
            }
            return new ModuleResult(false, Map.of());
        });
        var recap = play.run("""
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
        assertEquals(List.of("TASK one", "ok n1", "ok n2"), play.trace());
        assertTrue(play.runner.stopped());
        assertEquals(0, recap.get("n3").ok());
    }

    @Test
    void anyErrorsFatalStopsThePlayForAll() throws Exception {
        play.run("""
                - hosts: all
                  any_errors_fatal: true
                  tasks:
                    - name: one
                      power: {state: status}
                    - name: two
                      debug: {msg: hi}
                """, 3, 8, power(Set.of("n3")));
        assertTrue(play.trace().stream().noneMatch(s -> s.equals("TASK two")), play.trace().toString());
    }

    @Test
    void tagsSelectTasks() throws Exception {
        play.tags = Set.of("power");
        play.run("""
                - hosts: all
                  tasks:
                    - name: tagged
                      debug: {msg: a}
                      tags: [power]
                    - name: untagged
                      debug: {msg: b}
                """, 1, 1, power(Set.of()));
        assertEquals(List.of("TASK tagged", "ok n1"), play.trace());
    }
}
