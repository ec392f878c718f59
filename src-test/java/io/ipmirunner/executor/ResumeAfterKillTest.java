package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipmirunner.modules.ModuleResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed at any byte of its journal (between two writes, or in the middle of one) and resumed from
 * it: every host result that reached the journal whole is replayed, not run again; everything else runs
 * once; the recap is the uninterrupted run's.
 */
class ResumeAfterKillTest {
    private static final String PLAYBOOK = """
            - hosts: all
              tasks:
                - name: read
                  power: {state: status}
                  register: first
                - name: remember
                  set_fact: {seen: "{{ first.state }}"}
                - name: switch
                  power: {state: "{{ seen }}"}
                - block:
                    - name: inventory
                      fru:
                  rescue:
                    - name: note
                      debug: {msg: "no FRU on {{ inventory_hostname }}"}
            """;
    /** The module call each task makes, as FakeModule records it. */
    private static final Map<String, String> CALL = Map.of("read", "{state=status}", "switch", "{state=on}",
            "inventory", "{}");

    @TempDir
    Path dir;

    private record Outcome(List<String> calls, Map<String, RunEvent.Recap> recap) {}

    /** Every run uses the same playbook file: the journal names tasks by where they are written. */
    private Outcome run(Resume resume, Path runDir) throws Exception {
        PlayHarness h = new PlayHarness(dir);
        h.resume = resume;
        FakeModule power = new FakeModule("power", (host, a, n) -> {
            if (host.equals("n4")) {
                throw FakeModule.unreachable(host);
            }
            return new ModuleResult(!a.get("state").equals("status"), Map.of("state", "on"));
        });
        FakeModule fru = new FakeModule("fru", (host, a, n) -> {
            if (host.equals("n2")) {
                throw FakeModule.unreachable(host);
            }
            return new ModuleResult(false, Map.of("board", Map.of("serial", "S-" + host)));
        });
        try (Journal journal = new Journal(runDir, Clock.systemUTC())) {
            journal.on(new RunEvent.RunStarted("play.yml", List.of("inv.yml"), null, false, "ops")); // as the CLI does
            h.extra = journal;
            var recap = h.run(PLAYBOOK, 4, 2, power, fru);
            List<String> calls = new ArrayList<>(power.calls);
            calls.addAll(fru.calls);
            return new Outcome(calls, recap);
        }
    }

    @Test
    void killedAnywhereAndResumedNothingIsLostAndNothingRunsTwice() throws Exception {
        Outcome full = run(Resume.NONE, dir.resolve("full/run"));
        byte[] journal = Files.readAllBytes(dir.resolve("full/run/journal.jsonl"));
        int results = Resume.from(dir.resolve("full/run")).size();
        Random random = new Random(20261124);
        for (int i = 0; i < 40; i++) {
            int cut = i == 0 ? 0 : i == 1 ? journal.length : random.nextInt(journal.length);
            Path runDir = dir.resolve("cut" + i + "/run");
            Files.createDirectories(runDir);
            Files.write(runDir.resolve("journal.jsonl"), Arrays.copyOf(journal, cut));
            List<String> replayedCalls = wholeResultCalls(new String(journal, 0, cut, StandardCharsets.UTF_8),
                    new String(journal, StandardCharsets.UTF_8));

            Outcome resumed = run(Resume.from(runDir), runDir);

            Map<String, Integer> expected = count(full.calls());
            replayedCalls.forEach(c -> expected.merge(c, -1, Integer::sum));
            expected.values().removeIf(n -> n == 0);
            assertEquals(expected, count(resumed.calls()), "cut at byte " + cut + " of " + journal.length);
            assertEquals(full.recap(), resumed.recap(), "cut at byte " + cut);
            assertEquals(results, Resume.from(runDir).size(), "the journal holds every result after the resume");
        }
    }

    /**
     * The module calls behind the host results that are whole in a journal cut short: a line is whole when the
     * cut left all of it, its newline aside (a brace inside a result can end a torn line too).
     */
    private static List<String> wholeResultCalls(String journal, String uncut) {
        List<String> out = new ArrayList<>();
        String[] all = uncut.split("\n");
        String[] lines = journal.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.contains("\"host_result\"") && line.equals(all[i])) {
                String task = line.replaceAll(".*\"task\":\"([^\"]+)\".*", "$1");
                String host = line.replaceAll(".*\"host\":\"([^\"]+)\".*", "$1");
                if (CALL.containsKey(task) && !line.contains("\"status\":\"skipped\"")) {
                    out.add(host + " " + CALL.get(task));
                }
            }
        }
        return out;
    }

    private static Map<String, Integer> count(List<String> calls) {
        Map<String, Integer> m = new HashMap<>();
        calls.forEach(c -> m.merge(c, 1, Integer::sum));
        return m;
    }
}
