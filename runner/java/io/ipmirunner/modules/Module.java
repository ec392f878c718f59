package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.BmcSession;
import java.util.Map;

/**
 * A task action. {@link #validate} runs once before any host is touched, so a typo fails the whole run
 * with one message instead of failing on every host; {@link #run} runs per host on a virtual thread.
 */
public interface Module {
    String name();

    /** Checks and normalises arguments; the returned object is passed to {@link #run}. */
    Object validate(Map<String, String> args) throws ModuleArgumentException;

    ModuleResult run(BmcSession session, Object validatedArgs) throws IpmiException, InterruptedException;
}
