package io.ipmirunner.executor;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.modules.Module;
import io.ipmirunner.modules.ModuleResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A module test double under a real module's name (the parser validates arguments with the real one):
 * records each call as "host args" and answers with a script.
 */
final class FakeModule implements Module {
    /** What a call returns; throw {@link IpmiException} to fail like a BMC. */
    interface Script {
        ModuleResult answer(String host, Map<String, String> args, int call) throws IpmiException;
    }

    private final String name;
    private final Script script;
    private final ThreadLocal<String> host;
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    FakeModule(String name, ThreadLocal<String> host, Script script) {
        this.name = name;
        this.host = host;
        this.script = script;
    }

    static Function<String, java.util.Optional<Module>> only(FakeModule... modules) {
        return n -> java.util.Arrays.stream(modules).filter(m -> m.name().equals(n)).findFirst().map(m -> m);
    }

    static IpmiException unreachable(String host) {
        return new IpmiException.Unreachable(host, Phase.values()[0], 1000);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Object validate(Map<String, String> args) {
        return Map.copyOf(args);
    }

    @Override
    @SuppressWarnings("unchecked")
    public ModuleResult run(BmcSession session, Object validatedArgs) throws IpmiException {
        Map<String, String> args = (Map<String, String>) validatedArgs;
        String h = host.get();
        int n;
        synchronized (calls) {
            calls.add(h + " " + new java.util.TreeMap<>(args));
            n = (int) calls.stream().filter(c -> c.startsWith(h + " ")).count();
        }
        return script.answer(h, args, n);
    }
}
