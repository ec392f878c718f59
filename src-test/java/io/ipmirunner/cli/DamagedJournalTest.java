package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal of junk: every command that reads it says so in one line naming the line, no stack trace. */
class DamagedJournalTest {
    @Test
    void reportResumeAndRetryFailedRefuseItInOneLine(@TempDir Path dir) throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        byte[] junk = new byte[2048];
        new Random(11).nextBytes(junk);
        Files.write(run.resolve("journal.jsonl"), junk);
        Path playbook = Files.writeString(dir.resolve("p.yml"), """
                - hosts: all
                  tasks:
                    - debug: {msg: hi}
                """);
        CliRun report = CliRun.of("report", run.toString());
        assertEquals(ExitCodes.PARSE_ERROR, report.exit(), report.toString());
        CliRun resume = CliRun.of("play", playbook.toString(), "-i", "n1,", "--resume", run.toString(),
                "--report-dir", dir.resolve("again").toString());
        assertEquals(ExitCodes.BAD_OPTIONS, resume.exit(), resume.toString());
        CliRun retry = CliRun.of("play", playbook.toString(), "-i", "n1,", "--retry-failed", run.toString(),
                "--report-dir", dir.resolve("again").toString());
        assertEquals(ExitCodes.BAD_OPTIONS, retry.exit(), retry.toString());
        for (CliRun r : new CliRun[] {report, resume, retry}) {
            assertEquals(1, r.err().lines().count(), "one line, no stack trace: " + r.err());
            assertTrue(r.err().contains("journal.jsonl: line 1: not a journal line"), r.err());
        }
    }
}
