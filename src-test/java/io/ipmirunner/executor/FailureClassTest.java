package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.wire.CompletionCode;
import io.ipmirunner.modules.ModuleResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a host can fail ends with one failure class in its result. */
class FailureClassTest {
    @TempDir
    Path dir;

    @Test
    void eachFailureIsClassified() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        FakeModule power = new FakeModule("power", (host, a, n) -> switch (host) {
            case "n1" -> throw new IpmiException.Unreachable(host, Phase.PING, 1000);
            case "n2" -> throw new IpmiException.AuthenticationFailed(host, Phase.RAKP_1, "bad password");
            case "n3" -> throw new IpmiException.Timeout(host, Phase.COMMAND, 1000, 3);
            case "n4" -> throw new IpmiException.CompletionCodeError(host, Phase.COMMAND, "Chassis Control",
                    CompletionCode.of(0xD5));
            case "n6" -> throw new IpmiException.CompletionCodeError(host, Phase.COMMAND, "Set LAN Configuration",
                    CompletionCode.INVALID_COMMAND);
            default -> new ModuleResult(false, Map.of("state", "on"));
        });
        h.run("""
                - hosts: all
                  tasks:
                    - name: cycle
                      power: {state: status}
                    - name: check
                      assert: {that: ['false']}
                      when: inventory_hostname == 'n5'
                """, 6, 4, power);
        Map<String, String> byHost = new java.util.TreeMap<>();
        h.results().stream().filter(r -> r.failureClass() != null).forEach(r -> byHost.put(r.host(), r.failureClass().label()));
        assertEquals(Map.of("n1", "unreachable", "n2", "auth", "n3", "timeout", "n4", "completion_code",
                "n5", "assertion", "n6", "unsupported"), byHost);
    }
}
