package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task the gate (--step) turns down runs on no host, in both strategies; the rest run. */
class TaskGateTest {
    @TempDir
    Path dir;

    @Test
    void aRefusedTaskRunsNowhere() throws Exception {
        for (String strategy : List.of("linear", "free")) {
            PlayHarness h = new PlayHarness(dir);
            h.gate = (play, task, hosts) -> !task.displayName().equals("skip me");
            h.run("""
                    - hosts: all
                      strategy: %s
                      tasks:
                        - {name: first, debug: {msg: a}}
                        - {name: skip me, debug: {msg: b}}
                        - {name: last, debug: {msg: c}}
                    """.formatted(strategy), 3, 3);
            List<String> ran = h.results().stream().map(r -> r.task()).distinct().sorted().toList();
            assertEquals(List.of("first", "last"), ran, strategy);
            assertEquals(6, h.results().size(), strategy);
        }
    }
}
