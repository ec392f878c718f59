package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    static RunEvent.HostResult result(String host, RunEvent.Status status, boolean ignored) {
        return new RunEvent.HostResult(host, "task \"x\"", "p.yml:3:7", status, ignored, 1, Duration.ofMillis(5),
                Map.of("k", "v"), status == RunEvent.Status.OK ? null : "boom", FailureClass.ASSERTION);
    }

    @Test
    void failedAndUnreachableHostsAreReadBackIgnoringIgnoredAndTornLines() throws Exception {
        FakeTime time = new FakeTime();
        try (Journal j = new Journal(dir, time)) {
            j.on(new RunEvent.RunStarted("p.yml", List.of("inv.yml"), "a,b", false, "ops"));
            j.on(new RunEvent.PlayStarted("p", List.of("a", "b", "c", "d")));
            j.on(new RunEvent.TaskStarted("p", "t", false, "p.yml:3:7", "power"));
            j.on(result("a", RunEvent.Status.OK, false));
            j.on(result("b", RunEvent.Status.FAILED, false));
            j.on(result("c", RunEvent.Status.UNREACHABLE, false));
            j.on(result("d", RunEvent.Status.FAILED, true));
        }
        Files.writeString(dir.resolve("journal.jsonl"), "{\"at\":\"2026\",\"event\":\"host_res",
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(Set.of("b", "c"), JournalReader.failedHosts(dir));
        List<String> lines = Files.readAllLines(dir.resolve("journal.jsonl"));
        assertTrue(lines.get(0).contains("\"event\":\"run_start\",\"playbook\":\"p.yml\",\"inventory\":[\"inv.yml\"],"
                + "\"limit\":\"a,b\",\"check\":false,\"user\":\"ops\""), lines.get(0));
        assertTrue(lines.get(2).contains("\"task_at\":\"p.yml:3:7\",\"module\":\"power\""), lines.get(2));
        assertTrue(lines.get(3).contains("\"duration_ms\":5"), lines.get(3));
    }
}
