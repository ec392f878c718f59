package io.ipmirunner.executor;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;

/** Opens a host's BMC session; the runner opens each host's once, on first use, and closes it when done. */
@FunctionalInterface
public interface SessionFactory {
    Bmc open(String host) throws IpmiException, InterruptedException;
}
