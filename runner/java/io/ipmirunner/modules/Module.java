package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import java.util.Map;

/**
 * A task action over arguments of type {@code A} (a record). {@link #validate} runs once before any host is
 * touched, so a typo fails the whole run with one message instead of failing on every host; {@link #run}
 * runs per host on a virtual thread.
 */
public interface Module<A> {
    String name();

    /** Checks and normalises arguments; the result is passed to {@link #run}. */
    A validate(Map<String, String> args) throws ModuleArgumentException;

    ModuleResult run(Bmc bmc, A args) throws IpmiException, InterruptedException;

    /**
     * Whether a call with these arguments (as written, possibly with {@code {{ ... }}} still in them) takes a
     * host down or destroys state: such a task on many hosts needs the operator's confirmation. A templated
     * argument that could name a destructive action counts as destructive.
     */
    default boolean destructive(Map<String, String> args) {
        return false;
    }
}
