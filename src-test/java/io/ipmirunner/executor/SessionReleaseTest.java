package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.modules.ModuleResult;
import io.ipmirunner.sim.FakeBmc;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host's BMC session is closed once the host is done with the run, not when the whole run ends. */
class SessionReleaseTest {
    @TempDir
    Path dir;

    /** What happened, in order: "open nX", "result nX task", "close nX". */
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private PlayHarness harness() {
        PlayHarness h = new PlayHarness(dir);
        h.sessions = host -> {
            log.add("open " + host);
            FakeBmc fake = new FakeBmc(host, h.time);
            // FakeBmc is final: a proxy records close and hands everything else to it.
            return (Bmc) Proxy.newProxyInstance(Bmc.class.getClassLoader(), new Class<?>[] {Bmc.class}, (p, m, a) -> {
                if (m.getName().equals("close") && m.getParameterCount() == 0) {
                    log.add("close " + host);
                    return null;
                }
                try {
                    return m.invoke(fake, a);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        };
        h.extra = e -> {
            if (e instanceof RunEvent.HostResult r) {
                log.add("result " + r.host() + " " + r.task());
            }
        };
        return h;
    }

    private static FakeModule power(String failing) {
        return new FakeModule("power", (host, a, n) -> {
            if (host.equals(failing)) {
                throw FakeModule.unreachable(host);
            }
            return new ModuleResult(false, Map.of("state", "on"));
        });
    }

    @Test
    void aSerialBatchClosesItsSessionsBeforeTheNextBatchLogsIn() throws Exception {
        harness().run("""
                - hosts: all
                  serial: 2
                  tasks:
                    - name: read
                      power: {state: status}
                """, 4, 4, power("none"));
        for (String early : List.of("n1", "n2")) {
            assertTrue(log.indexOf("close " + early) >= 0, early + " closed: " + log);
            assertTrue(log.indexOf("close " + early) < log.indexOf("open n3"), early + " closed before n3 opens: " + log);
        }
        assertEquals(4, log.stream().filter(l -> l.startsWith("close ")).count(), "each session closed once: " + log);
    }

    @Test
    void aHostThatFailsClosesAfterItsPlayAndTheOthersAfterTheLast() throws Exception {
        harness().run("""
                - hosts: all
                  tasks:
                    - name: read
                      power: {state: status}
                - hosts: all
                  tasks:
                    - name: again
                      power: {state: status}
                """, 2, 2, power("n2"));
        assertTrue(log.indexOf("close n2") >= 0 && log.indexOf("close n2") < log.indexOf("result n1 again"),
                "n2 (unreachable in the first play) closed before the second play: " + log);
        assertTrue(log.indexOf("close n1") > log.indexOf("result n1 again"), "n1 closed after its last task: " + log);
        assertEquals(1, log.stream().filter(l -> l.equals("close n1")).count(), "closed once: " + log);
    }
}
