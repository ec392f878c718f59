package io.ipmirunner.modules;

import java.util.Map;

/**
 * A module whose arguments name host variables (a secret held in a variable, never written in the task):
 * the runner binds them per host, after {@link Module#validate} and before {@link Module#run}.
 */
public interface HostBoundModule<A> extends Module<A> {
    A bind(A args, Map<String, Object> hostVars) throws ModuleArgumentException;
}
