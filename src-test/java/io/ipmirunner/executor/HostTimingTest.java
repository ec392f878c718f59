package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.modules.ModuleResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inventory's ipmi_retries: a host that did not answer is tried again, apart from task retries, paced by the
 * one connection rule ({@link Backoff#CONNECTION}).
 */
class HostTimingTest {
    @TempDir
    Path dir;

    @Test
    void ipmiRetriesTriesASilentHostAgainButNotAnAnsweredFailure() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        h.hostLine = n -> "    " + n + ": {ipmi_retries: 2}\n";
        FakeModule power = new FakeModule("power", (host, a, call) -> switch (host) {
            case "n1" -> {
                if (call < 3) {
                    throw new IpmiException.Timeout(host, Phase.COMMAND, 1000, 3);
                }
                yield new ModuleResult(false, Map.of("state", "on"));
            }
            case "n2" -> throw FakeModule.unreachable(host);
            default -> throw new IpmiException.AuthenticationFailed(host, Phase.RAKP_1, "bad password");
        });
        h.run("""
                - hosts: all
                  tasks:
                    - name: status
                      power: {state: status}
                """, 3, 3, power);
        Map<String, Long> calls = new java.util.TreeMap<>();
        for (String c : List.copyOf(power.calls)) {
            calls.merge(c.substring(0, 2), 1L, Long::sum);
        }
        assertEquals(Map.of("n1", 3L, "n2", 3L, "n3", 1L), calls);
        Map<String, String> status = new java.util.TreeMap<>();
        h.results().forEach(r -> status.put(r.host(), r.status().label() + " " + r.attempts()));
        assertEquals(Map.of("n1", "ok 1", "n2", "unreachable 1", "n3", "failed 1"), status);
        List<Duration> pauses = h.time.sleeps.stream().sorted().toList();
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(2)), pauses, "n1 and n2 each wait Backoff.CONNECTION's 1 s, then 2 s");
    }

    @Test
    void aWriteThatMayHaveRunIsNotRunAgainByIpmiRetries() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        h.hostLine = n -> "    " + n + ": {ipmi_retries: 3}\n";
        FakeModule power = new FakeModule("power", (host, a, call) -> {
            throw host.equals("n1")
                    ? IpmiException.Timeout.writeUnanswered(host, "Chassis Control", 1000, 1, false)
                    : IpmiException.Timeout.replyLost(host, "Chassis Control", 1000, 2);
        });
        h.run("""
                - hosts: all
                  tasks:
                    - name: reset
                      power: {state: reset}
                """, 2, 2, power);
        assertEquals(List.of("n1", "n2"), power.calls.stream().map(c -> c.substring(0, 2)).sorted().toList(),
                "one call per host: a retry would send the reset again");
        h.results().forEach(r -> assertEquals("failed", r.status().label(), r.toString()));
        assertEquals(List.of(), h.time.sleeps);
    }
}
