package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.modules.ModuleResult;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rescued failures leave the failed count and --retry-failed; --failure-class picks hosts by class. An
 * unreachable host runs no rescue (Ansible: "unreachable hosts will not trigger the rescue block").
 */
class RescueAndRetryTest {
    @TempDir
    Path dir;

    @Test
    void aRescuedHostCountsAsRescuedAndIsNotRetried() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        FakeModule power = new FakeModule("power", (host, a, n) -> switch (host) {
            case "n1" -> throw FakeModule.unreachable(host);
            case "n2" -> throw new IpmiException.Timeout(host, Phase.COMMAND, 1000, 3);
            case "n3" -> throw new IpmiException.AuthenticationFailed(host, Phase.RAKP_1, "no such user");
            default -> new ModuleResult(false, Map.of("state", "on"));
        });
        try (Journal journal = new Journal(dir.resolve("run"), Clock.systemUTC())) {
            h.extra = journal;
            var recap = h.run("""
                    - hosts: all
                      tasks:
                        - name: guarded
                          block:
                            - name: status
                              power: {state: status}
                          rescue:
                            - name: give up unless n2
                              fail: {msg: "still broken"}
                              when: inventory_hostname != 'n2'
                        - name: plain
                          power: {state: status}
                          when: inventory_hostname == 'n4'
                    """, 4, 4, power);
            assertEquals(new RunEvent.Recap(0, 0, 1, 0, 0, 0, 0), recap.get("n1"));
            assertEquals(new RunEvent.Recap(0, 0, 0, 0, 2, 1, 0), recap.get("n2"));
            assertEquals(new RunEvent.Recap(0, 0, 0, 2, 0, 0, 0), recap.get("n3"));
            assertEquals(new RunEvent.Recap(2, 0, 0, 0, 0, 0, 0), recap.get("n4"));
        }
        Path run = dir.resolve("run");
        assertEquals(Set.of("n1", "n3"), JournalReader.failedHosts(run));
        assertEquals(Set.of(), JournalReader.failedHosts(run, Set.of("timeout")));
        assertEquals(Set.of("n3"), JournalReader.failedHosts(run, Set.of("assertion")));
        assertEquals(Set.of("n1"), JournalReader.failedHosts(run, Set.of("auth", "unreachable")));
    }

    @Test
    void aBlockWhenSeesTheBlockVarsAndAnErrorInItFailsIntoTheBlocksRescue() throws Exception {
        PlayHarness h = new PlayHarness(dir);
        FakeModule power = new FakeModule("power", (host, a, n) -> new ModuleResult(false, Map.of("state", "on")));
        var recap = h.run("""
                - hosts: all
                  tasks:
                    - name: by its own vars
                      vars: {wanted: n1}
                      when: inventory_hostname == wanted
                      block:
                        - name: status
                          power: {state: status}
                    - name: broken condition
                      when: no_such_variable == 1
                      block:
                        - name: never
                          power: {state: status}
                      rescue:
                        - name: rescued
                          power: {state: status}
                """, 2, 2, power);
        assertEquals(java.util.List.of("n1 {state=status}", "n1 {state=status}", "n2 {state=status}"),
                power.calls.stream().sorted().toList(), "n1: the first block and the rescue; n2: the rescue");
        assertEquals(1, recap.get("n1").rescued());
        assertEquals(0, recap.get("n1").failed());
        assertEquals(1, recap.get("n2").rescued());
    }
}
