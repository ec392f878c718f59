package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the graph itself tells before a BMC is touched: a start-at-task that names nothing, run_once under free. */
class GraphChecksTest {
    @Test
    void startAtTaskThatNamesNoTaskExitsFourBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Path inventory = Files.writeString(dir.resolve("hosts.yml"), "all:\n  hosts:\n    n1:\n");
        Path playbook = Files.writeString(dir.resolve("p.yml"),
                "- hosts: all\n  tasks:\n    - name: power on\n      debug: {msg: hi}\n");
        Path run = dir.resolve("run");
        CliRun r = CliRun.of("play", playbook.toString(), "-i", inventory.toString(), "--start-at-task", "power onn",
                "--report-dir", run.toString());
        assertEquals(4, r.exit(), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        assertTrue(r.err().startsWith("--start-at-task:1:1: 'power onn' names no task of "), r.toString());
        assertTrue(r.err().contains("power on"), "suggests the near name: " + r);
        assertTrue(Files.notExists(run.resolve("journal.jsonl")), "nothing ran");
    }

    @Test
    void runOnceUnderFreeIsAWarningInCheck(@TempDir Path dir) throws Exception {
        Path inventory = Files.writeString(dir.resolve("hosts.yml"), "all:\n  hosts:\n    n1:\n");
        Path playbook = Files.writeString(dir.resolve("p.yml"), """
                - hosts: all
                  strategy: free
                  tasks:
                    - name: once
                      debug: {msg: hi}
                      run_once: true
                """);
        CliRun r = CliRun.of("check", playbook.toString(), "-i", inventory.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("p.yml:4:7: warning: run_once with strategy free: task 'once' runs once"),
                r.toString());
    }

    @Test
    void startAtATaskOnlyInARescueIsRefused(@TempDir Path dir) throws Exception {
        Path inventory = Files.writeString(dir.resolve("hosts.yml"), "all:\n  hosts:\n    n1:\n");
        Path playbook = Files.writeString(dir.resolve("p.yml"), """
                - hosts: all
                  tasks:
                    - block:
                        - name: try
                          debug: {msg: hi}
                      rescue:
                        - name: recover
                          debug: {msg: hi}
                """);
        CliRun r = CliRun.of("play", playbook.toString(), "-i", inventory.toString(), "--start-at-task", "recover",
                "--report-dir", dir.resolve("run").toString());
        assertEquals(4, r.exit(), r.toString());
        assertTrue(r.err().contains("'recover' is a task only in rescue sections"), r.toString());
    }
}
