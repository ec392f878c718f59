package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.executor.FailureClass;
import io.ipmirunner.executor.RunEvent;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** exec's grouped output: identical answers on one line, host names folded into ranges. */
class CollatedTest {
    @Test
    void identicalAnswersGroupAndHostPrefixesOfErrorsAreDropped() {
        List<RunEvent.HostResult> all = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            all.add(result(String.format("node%02d", i), RunEvent.Status.OK, Map.of("state", "on"), null, null));
        }
        all.add(result("node41", RunEvent.Status.OK, Map.of("state", "off"), null, null));
        for (String h : List.of("node42", "node43")) {
            all.add(result(h, RunEvent.Status.UNREACHABLE, Map.of(), h + ": unreachable: no answer to "
                    + "Get Channel Authentication Capabilities within " + (h.equals("node42") ? 20000 : 20001)
                    + " ms", FailureClass.UNREACHABLE));
        }
        assertEquals(List.of("node[01:40] | OK | state=on", "node41 | OK | state=off",
                "node[42:43] | UNREACHABLE | unreachable: no answer to Get Channel Authentication Capabilities "
                        + "within 20000-20001 ms"), Collated.lines(all), "the time waited differs by timing alone");
    }

    private static RunEvent.HostResult result(String host, RunEvent.Status status, Map<String, Object> result,
                                              String error, FailureClass failureClass) {
        return new RunEvent.HostResult(host, "power", "exec power:1:1", status, false, 1, Duration.ofMillis(5),
                result, error, failureClass);
    }

    @Test
    void execGroupsBySimulatedRackAndNoCollateGivesALinePerHost(@TempDir Path dir) throws Exception {
        Path inv = Files.writeString(dir.resolve("rack.yml"), """
                all:
                  vars: {ipmi_simulated: true, ipmi_user: admin}
                  hosts:
                    bmc[01:06]:
                """);
        CliRun grouped = CliRun.of("exec", "all", "identify", "-i", inv.toString());
        assertEquals(0, grouped.exit(), grouped.toString());
        List<String> lines = grouped.out().lines().filter(l -> l.contains(" | ")).toList();
        assertEquals(1, lines.size(), grouped.toString());
        assertTrue(lines.getFirst().startsWith("bmc[01:06] | "), grouped.toString());

        CliRun plain = CliRun.of("exec", "all", "identify", "-i", inv.toString(), "--no-collate");
        assertEquals(0, plain.exit(), plain.toString());
        assertEquals(6, plain.out().lines().filter(l -> l.matches("bmc0\\d \\| .*")).count(), plain.toString());
    }
}
