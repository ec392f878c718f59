package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --retry-failed with --failure-class: hosts picked by the class of their failure in the journal. */
class RetryFailedOptionsTest {
    @Test
    void failureClassPicksHostsAndBadUseIsRefused(@TempDir Path dir) throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("journal.jsonl"), """
                {"at":"2026-01-01T00:00:01Z","event":"host_result","host":"n1","task":"t","task_at":"p.yml:3:7","status":"unreachable","ignored":false,"attempts":1,"duration_ms":5,"result":{},"error":"n1: unreachable","failure_class":"unreachable"}
                {"at":"2026-01-01T00:00:02Z","event":"host_result","host":"n2","task":"t","task_at":"p.yml:3:7","status":"failed","ignored":false,"attempts":1,"duration_ms":5,"result":{},"error":"n2: auth","failure_class":"auth"}
                """);
        Path playbook = Files.writeString(dir.resolve("p.yml"), """
                - hosts: all
                  tasks:
                    - name: hello
                      debug: {msg: "again on {{ inventory_hostname }}"}
                """);
        CliRun r = CliRun.of("play", playbook.toString(), "-i", "n1,n2,n3,", "--retry-failed", run.toString(),
                "--failure-class", "unreachable", "--report-dir", dir.resolve("again").toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("ok: [n1] => again on n1"), r.toString());
        assertTrue(!r.out().contains("[n2]") && !r.out().contains("[n3]"), r.toString());

        CliRun bad = CliRun.of("play", playbook.toString(), "-i", "n1,", "--retry-failed", run.toString(),
                "--failure-class", "unreachabel");
        assertEquals(ExitCodes.BAD_OPTIONS, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("--failure-class: unknown class 'unreachabel' (known: arguments, assertion, "),
                bad.toString());

        CliRun alone = CliRun.of("play", playbook.toString(), "-i", "n1,", "--failure-class", "auth");
        assertEquals(ExitCodes.BAD_OPTIONS, alone.exit(), alone.toString());
        assertTrue(alone.err().contains("--failure-class needs --retry-failed RUN_DIR"), alone.toString());
    }
}
