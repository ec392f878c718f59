package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipmirunner.modules.ModuleResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** As Ansible's break_play: a play stopped by its fail threshold ends the playbook; a failed host does not. */
class BrokenPlayTest {
    @TempDir
    Path dir;

    private static final String BOOK = """
            - hosts: all
              serial: 2
              max_fail_percentage: 0
              tasks:
                - name: cycle
                  power: {state: cycle}
            - hosts: all
              tasks:
                - name: report
                  power: {state: status}
            """;

    @Test
    void aRolloutStoppedByItsThresholdRunsNoLaterPlay() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        FakeModule power = new FakeModule("power", (host, a, n) -> {
            if (host.equals("n2")) {
                throw FakeModule.unreachable(host);
            }
            return new ModuleResult(true, Map.of());
        });
        var recap = h.run(BOOK, 6, 6, power);
        assertEquals(1, recap.get("n1").changed());
        assertEquals(1, recap.get("n2").unreachable());
        assertEquals(0, h.results().stream().filter(r -> r.task().equals("report")).count());
        assertEquals(0, h.results().stream().filter(r -> r.host().equals("n3")).count());
    }

    @Test
    void withoutAThresholdTheOtherHostsGoOn() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        FakeModule power = new FakeModule("power", (host, a, n) -> {
            if (host.equals("n2")) {
                throw FakeModule.unreachable(host);
            }
            return new ModuleResult(!a.getOrDefault("state", "").equals("status"), Map.of());
        });
        var recap = h.run(BOOK.replace("  max_fail_percentage: 0\n", ""), 6, 6, power);
        assertEquals(5, h.results().stream().filter(r -> r.task().equals("report")).count());
        assertEquals(new RunEvent.Recap(2, 1, 0, 0, 0, 0, 0), recap.get("n1"));
    }
}
