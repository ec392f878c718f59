package io.ipmirunner.executor;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.modules.Module;
import io.ipmirunner.modules.ModuleResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A module test double under a real module's name (the parser validates arguments with the real one):
 * records each call as "host args", the host being the one whose BMC it was handed, and answers with a script.
 */
final class FakeModule implements Module<Map<String, String>> {
    /** What a call returns; throw {@link IpmiException} to fail like a BMC. */
    interface Script {
        ModuleResult answer(String host, Map<String, String> args, int call) throws IpmiException;
    }

    private final String name;
    private final Script script;
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    FakeModule(String name, Script script) {
        this.name = name;
        this.script = script;
    }

    static Function<String, java.util.Optional<Module<?>>> only(Module<?>... modules) {
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
    public Map<String, String> validate(Map<String, String> args) {
        return Map.copyOf(args);
    }

    @Override
    public ModuleResult run(Bmc bmc, Map<String, String> args) throws IpmiException {
        String h = bmc.host();
        int n;
        synchronized (calls) {
            calls.add(h + " " + new java.util.TreeMap<>(args));
            n = (int) calls.stream().filter(c -> c.startsWith(h + " ")).count();
        }
        return script.answer(h, args, n);
    }
}
