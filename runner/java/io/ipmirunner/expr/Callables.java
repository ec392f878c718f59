package io.ipmirunner.expr;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How our filters and tests are written: a name and a function of the input and the arguments, positional or
 * named as in Python ({@code regex_search('x', ignorecase=true)}). Jinjava passes a test's arguments as one
 * value, a tuple when there were several; {@link Args#of} spreads it again.
 */
final class Callables {
    private Callables() {}

    interface FilterBody {
        Object apply(Object input, Args args);
    }

    interface TestBody {
        boolean test(Object input, Args args);
    }

    record NamedFilter(String name, FilterBody body) implements Filter {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return body.apply(var, new Args(List.of((Object[]) args), Map.of()));
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            return body.apply(var, Args.of(args, kwargs));
        }
    }

    record NamedTest(String name, boolean spreadTuple, TestBody body) implements ExpTest {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            Object[] spread = spreadTuple && args.length == 1 && args[0] instanceof List<?> l ? l.toArray() : args;
            return body.test(var, Args.of(spread, Map.of()));
        }
    }

    /** A call's arguments: positional ones in order, named ones by name. */
    record Args(List<Object> positional, Map<String, Object> named) {
        static Args of(Object[] args, Map<String, Object> kwargs) {
            List<Object> positional = new ArrayList<>();
            Map<String, Object> named = new LinkedHashMap<>(kwargs);
            for (Object a : args) {
                if (a instanceof NamedParameter p) {
                    named.put(p.getName(), p.getValue());
                } else {
                    positional.add(a);
                }
            }
            return new Args(positional, named);
        }

        /** The argument at {@code index}, or named {@code name}, or {@code fallback}. */
        Object get(int index, String name, Object fallback) {
            if (index >= 0 && index < positional.size()) {
                return positional.get(index);
            }
            return named.getOrDefault(name, fallback);
        }

        String string(int index, String name, String fallback) {
            Object v = get(index, name, fallback);
            return v == null ? null : PyValues.str(v);
        }

        boolean flag(int index, String name) {
            return PyValues.truthy(get(index, name, false));
        }
    }
}
