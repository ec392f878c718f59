package io.ipmirunner.expr;

import io.ipmirunner.expr.Callables.NamedTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jinjava.javax.el.ELException;

/**
 * Ansible's tests of a registered task result (ansible-core {@code plugins/test/core.py}): {@code failed}
 * ({@code failure}), {@code succeeded} ({@code success}, {@code successful}), {@code unreachable},
 * {@code reachable}, {@code changed} ({@code change}; a loop's result is changed when an item is) and
 * {@code skipped} ({@code skip}). Anything but a mapping is an error, as there.
 */
final class ResultTests {
    private ResultTests() {}

    static List<NamedTest> tests() {
        List<NamedTest> out = new ArrayList<>();
        for (String n : List.of("failed", "failure")) {
            out.add(new NamedTest(n, false, (in, a) -> flag(result(in, "failed"), "failed")));
        }
        for (String n : List.of("succeeded", "success", "successful")) {
            out.add(new NamedTest(n, false, (in, a) -> !flag(result(in, "succeeded"), "failed")));
        }
        out.add(new NamedTest("unreachable", false, (in, a) -> flag(result(in, "unreachable"), "unreachable")));
        out.add(new NamedTest("reachable", false, (in, a) -> !flag(result(in, "reachable"), "unreachable")));
        for (String n : List.of("changed", "change")) {
            out.add(new NamedTest(n, false, (in, a) -> changed(result(in, "changed"))));
        }
        for (String n : List.of("skipped", "skip")) {
            out.add(new NamedTest(n, false, (in, a) -> flag(result(in, "skipped"), "skipped")));
        }
        return out;
    }

    private static Map<?, ?> result(Object in, String test) {
        if (!(PyValues.plain(in) instanceof Map<?, ?> m)) {
            throw new ELException("The '" + test + "' test expects a dictionary");
        }
        return m;
    }

    private static boolean flag(Map<?, ?> result, String key) {
        return PyValues.truthy(result.get(key));
    }

    /** Without its own {@code changed}, a loop's result is changed when one of its items is. */
    private static boolean changed(Map<?, ?> result) {
        if (result.containsKey("changed")) {
            return flag(result, "changed");
        }
        return result.get("results") instanceof List<?> items && !items.isEmpty() && items.getFirst() instanceof Map
                && items.stream().anyMatch(i -> i instanceof Map<?, ?> m && flag(m, "changed"));
    }
}
