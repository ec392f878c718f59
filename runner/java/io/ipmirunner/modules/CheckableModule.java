package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.BmcSession;

/**
 * A writing module that can tell, by reading only, what it would change. Under {@code --check} the runner
 * calls {@link #check} instead of skipping the task, so the report says what a real run would do.
 */
public interface CheckableModule extends Module {
    ModuleResult check(BmcSession session, Object validatedArgs) throws IpmiException, InterruptedException;
}
