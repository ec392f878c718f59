package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;

/**
 * A writing module that can tell, by reading only, what it would change. Under {@code --check} the runner
 * calls {@link #check} instead of skipping the task, so the report says what a real run would do.
 */
public interface CheckableModule<A> extends Module<A> {
    ModuleResult check(Bmc bmc, A args) throws IpmiException, InterruptedException;
}
