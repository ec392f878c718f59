package io.ipmirunner.modules;

import java.util.Map;

/** The arguments of a module that takes none: any given is a mistake worth failing the run for. */
public record NoArgs() {
    static NoArgs require(String module, Map<String, String> args) throws ModuleArgumentException {
        if (!args.isEmpty()) {
            throw new ModuleArgumentException(module + " takes no arguments, got " + args.keySet());
        }
        return new NoArgs();
    }
}
