package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipmirunner.modules.ModuleResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --resume} replays what ran, whatever host comes first this time and however often a task ran on a host:
 * a run_once task journaled on another host than the batch's first is not run again; a handler that ran at the
 * first of two flushes before the run was killed runs at the second.
 */
class ResumeReplaysEachRunOnceTest {
    @TempDir
    Path dir;

    private static FakeModule power() {
        return new FakeModule("power", (host, a, n) -> new ModuleResult(true, Map.of("state", "on")));
    }

    private void run(PlayHarness h, String playbook, Path runDir, int hosts, FakeModule power) throws Exception {
        try (Journal journal = new Journal(runDir, Clock.systemUTC())) {
            journal.on(new RunEvent.RunStarted("play.yml", List.of("inv.yml"), null, false, "ops"));
            h.extra = journal;
            h.run(playbook, hosts, hosts, power);
        }
    }

    @Test
    void aRunOnceTaskJournaledOnAnotherHostIsReplayedNotRunAgain() throws Exception {
        String playbook = """
                - hosts: all
                  tasks:
                    - name: once
                      power: {state: cycle}
                      run_once: true
                      register: cycled
                """;
        Path runDir = dir.resolve("run");
        FakeModule first = power();
        run(new PlayHarness(dir), playbook, runDir, 2, first);
        assertEquals(List.of("n1 {state=cycle}"), first.calls);

        PlayHarness again = new PlayHarness(dir);
        again.hostLine = h -> h.equals("n1") ? "    n0:\n    n1:\n" : "    " + h + ":\n"; // n0 now comes first
        again.resume = Resume.from(runDir);
        FakeModule second = power();
        run(again, playbook, runDir, 2, second);
        assertEquals(List.of(), second.calls, "the cycle ran on n1 before; n0 coming first must not run it again");
    }

    @Test
    void aHandlerFlushedTwiceRunsAgainPastWhatTheJournalHolds() throws Exception {
        String playbook = """
                - hosts: all
                  pre_tasks:
                    - name: early
                      power: {state: 'on'}
                      notify: settle
                  tasks:
                    - name: late
                      power: {state: 'on'}
                      notify: settle
                  handlers:
                    - name: settle
                      power: {state: status}
                """;
        Path full = dir.resolve("full");
        FakeModule whole = power();
        run(new PlayHarness(dir), playbook, full, 1, whole);
        assertEquals(List.of("n1 {state=on}", "n1 {state=status}", "n1 {state=on}", "n1 {state=status}"), whole.calls);

        // Killed after the first flush: the journal holds early and the first settle.
        List<String> lines = Files.readAllLines(full.resolve("journal.jsonl"));
        int firstSettle = 0;
        while (!(lines.get(firstSettle).contains("\"host_result\"") && lines.get(firstSettle).contains("settle"))) {
            firstSettle++;
        }
        Path cut = Files.createDirectories(dir.resolve("cut"));
        Files.write(cut.resolve("journal.jsonl"), lines.subList(0, firstSettle + 1));
        PlayHarness resumed = new PlayHarness(dir);
        resumed.resume = Resume.from(cut);
        FakeModule rest = power();
        run(resumed, playbook, cut, 1, rest);
        assertEquals(List.of("n1 {state=on}", "n1 {state=status}"), rest.calls, "late and the second settle run");
    }
}
