package io.ipmirunner.executor;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import java.util.Map;

/**
 * One host as the task runner sees it: its variables (inventory, play, magic, registered results, facts;
 * written by {@code register} and {@code set_fact}), its BMC session, opened on first use so a play of
 * only {@code debug}/{@code set_fact} touches no BMC, and how often a module call that found the BMC
 * unreachable or timed out is tried again (the inventory's {@code ipmi_retries}), apart from task retries.
 */
public record HostContext(String host, Map<String, Object> vars, SessionSource sessions, int connectionRetries) {
    public HostContext(String host, Map<String, Object> vars, SessionSource sessions) {
        this(host, vars, sessions, 0);
    }

    /** Opens (once) or returns the host's session. */
    @FunctionalInterface
    public interface SessionSource {
        Bmc session() throws IpmiException, InterruptedException;
    }
}
