package io.ipmirunner.expr;

import io.ipmirunner.expr.Callables.Args;
import io.ipmirunner.expr.Callables.NamedFilter;
import io.ipmirunner.util.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jinjava.javax.el.ELException;

/**
 * The filters whose Ansible meaning Jinjava lacks or differs from (Jinjava's {@code bool} knows only
 * "true", its {@code string} and {@code join} print booleans as "true", it has no {@code min}, {@code max},
 * {@code combine}, {@code ternary}, {@code dict2items}, ...). Registered over Jinjava's own of the same name;
 * the others ({@code length}, {@code first}, {@code sort}, {@code map}, {@code selectattr}, ...) are
 * Jinjava's, compared with Ansible's by the interop suite.
 */
final class AnsibleFilters {
    /** Ansible's {@code boolean()}: the YAML 1.1 and shell spellings of true; everything else is false. */
    static final Set<String> TRUE_WORDS = Set.of("y", "yes", "on", "1", "true", "t", "1.0");

    private AnsibleFilters() {}

    static List<NamedFilter> all() {
        List<NamedFilter> out = new ArrayList<>(List.of(
                new NamedFilter("default", AnsibleFilters::defaultValue),
                new NamedFilter("d", AnsibleFilters::defaultValue),
                new NamedFilter("bool", (in, a) -> in instanceof Boolean b ? b
                        : TRUE_WORDS.contains(PyValues.str(in).strip().toLowerCase(java.util.Locale.ROOT))),
                new NamedFilter("string", (in, a) -> PyValues.str(in)),
                new NamedFilter("join", (in, a) -> String.join(a.string(0, "d", ""),
                        list(in).stream().map(PyValues::str).toList())),
                new NamedFilter("min", (in, a) -> extreme(in, a, false)),
                new NamedFilter("max", (in, a) -> extreme(in, a, true)),
                new NamedFilter("ternary", (in, a) -> in == null && a.positional().size() > 2 ? a.get(2, "none_val",
                        null) : PyValues.truthy(in) ? a.get(0, "true_val", null) : a.get(1, "false_val", null)),
                new NamedFilter("dict2items", AnsibleFilters::dict2items),
                new NamedFilter("items2dict", AnsibleFilters::items2dict),
                new NamedFilter("combine", AnsibleFilters::combine),
                new NamedFilter("to_json", (in, a) -> PyJson.dump(in, -1, false)),
                new NamedFilter("to_nice_json", (in, a) -> PyJson.dump(in,
                        ((Number) a.get(0, "indent", 4L)).intValue(), true)),
                new NamedFilter("from_json", AnsibleFilters::fromJson),
                new NamedFilter("type_debug", (in, a) -> PyValues.typeName(in)),
                new NamedFilter("float", AnsibleFilters::toFloat),
                new NamedFilter("round", AnsibleFilters::round),
                new NamedFilter("sum", AnsibleFilters::sum)));
        out.addAll(RegexFilters.filters());
        out.addAll(IpFilters.filters());
        return out;
    }

    /** Python's {@code float()}; what does not parse is the default (0.0), as Jinja2's filter. */
    private static Object toFloat(Object in, Args a) {
        Object v = PyValues.plain(in);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(PyValues.str(v).strip());
        } catch (NumberFormatException e) {
            return a.get(0, "default", 0.0);
        }
    }

    /** Jinja2's round: Python's round (halves to even) for 'common', else 'ceil' or 'floor'; a float. */
    private static Object round(Object in, Args a) {
        double v = ((Number) toFloat(in, new Args(List.of(), Map.of()))).doubleValue();
        int precision = ((Number) a.get(0, "precision", 0L)).intValue();
        java.math.RoundingMode mode = switch (a.string(1, "method", "common")) {
            case "ceil" -> java.math.RoundingMode.CEILING;
            case "floor" -> java.math.RoundingMode.FLOOR;
            default -> java.math.RoundingMode.HALF_EVEN;
        };
        return new java.math.BigDecimal(v).setScale(precision, mode).doubleValue();
    }

    /** Python's sum: whole numbers stay whole; {@code attribute=} sums a key of each item. */
    private static Object sum(Object in, Args a) {
        Object attribute = a.get(-1, "attribute", null);
        Object total = a.get(0, "start", 0L);
        for (Object x : list(in)) {
            Object v = PyValues.plain(attribute == null ? x : ((Map<?, ?>) PyValues.plain(x)).get(attribute));
            if (!(v instanceof Number n) || !(PyValues.plain(total) instanceof Number t)) {
                throw new ELException("unsupported operand type(s) for +: '" + PyValues.typeName(total) + "' and '"
                        + PyValues.typeName(v) + "'");
            }
            total = t instanceof Double || n instanceof Double ? (Object) (t.doubleValue() + n.doubleValue())
                    : (Object) (t.longValue() + n.longValue());
        }
        return total;
    }

    private static Object defaultValue(Object in, Args a) {
        Object fallback = a.get(0, "default_value", "");
        return in instanceof Undefined || (a.flag(1, "boolean") && !PyValues.truthy(in)) ? fallback : in;
    }

    static List<?> list(Object in) {
        Object v = PyValues.plain(in);
        if (v instanceof List<?> l) {
            return l;
        } else if (v instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
        } else if (v instanceof String s) {
            return s.chars().mapToObj(c -> String.valueOf((char) c)).toList();
        }
        throw new ELException("'" + PyValues.typeName(v) + "' object is not iterable");
    }

    private static Object extreme(Object in, Args a, boolean max) {
        List<?> items = list(in);
        if (items.isEmpty()) {
            throw new ELException((max ? "max" : "min") + "() arg is an empty sequence");
        }
        Object attribute = a.get(-1, "attribute", null);
        Comparator<Object> order = (x, y) -> compare(attribute == null ? x : ((Map<?, ?>) x).get(attribute),
                attribute == null ? y : ((Map<?, ?>) y).get(attribute));
        return max ? items.stream().map(x -> (Object) x).max(order).orElseThrow()
                : items.stream().map(x -> (Object) x).min(order).orElseThrow();
    }

    /** Python's ordering of two values of one kind: numbers by value, strings by code point. */
    static int compare(Object x, Object y) {
        Object a = PyValues.plain(x);
        Object b = PyValues.plain(y);
        if (a instanceof Number n && b instanceof Number m) {
            return Double.compare(n.doubleValue(), m.doubleValue());
        } else if (a instanceof String s && b instanceof String t) {
            return s.compareTo(t);
        } else if (a instanceof Boolean p && b instanceof Boolean q) {
            return Boolean.compare(p, q);
        }
        throw new ELException("'<' not supported between instances of '" + PyValues.typeName(a) + "' and '"
                + PyValues.typeName(b) + "'");
    }

    private static Object dict2items(Object in, Args a) {
        if (!(PyValues.plain(in) instanceof Map<?, ?> m)) {
            throw new ELException("dict2items requires a dictionary, got " + PyValues.typeName(in) + " instead.");
        }
        String key = a.string(0, "key_name", "key");
        String value = a.string(1, "value_name", "value");
        List<Object> out = new ArrayList<>();
        m.forEach((k, v) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(key, k);
            item.put(value, v);
            out.add(item);
        });
        return out;
    }

    private static Object items2dict(Object in, Args a) {
        String key = a.string(0, "key_name", "key");
        String value = a.string(1, "value_name", "value");
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object item : list(in)) {
            if (!(PyValues.plain(item) instanceof Map<?, ?> m) || !m.containsKey(key) || !m.containsKey(value)) {
                throw new ELException("items2dict requires a list of dictionaries with '" + key + "' and '" + value
                        + "' keys");
            }
            out.put(m.get(key), m.get(value));
        }
        return out;
    }

    private static Object combine(Object in, Args a) {
        boolean recursive = PyValues.truthy(a.named().getOrDefault("recursive", false));
        String listMerge = PyValues.str(a.named().getOrDefault("list_merge", "replace"));
        Map<Object, Object> out = new LinkedHashMap<>(mapping(in));
        for (Object next : a.positional()) {
            for (Object m : PyValues.plain(next) instanceof List<?> l ? l : List.of(next)) {
                merge(out, mapping(m), recursive, listMerge);
            }
        }
        return out;
    }

    private static void merge(Map<Object, Object> into, Map<?, ?> from, boolean recursive, String listMerge) {
        from.forEach((k, v) -> {
            Object old = into.get(k);
            if (recursive && PyValues.plain(old) instanceof Map<?, ?> o && PyValues.plain(v) instanceof Map<?, ?> n) {
                Map<Object, Object> merged = new LinkedHashMap<>(o);
                merge(merged, n, true, listMerge);
                into.put(k, merged);
            } else if (PyValues.plain(old) instanceof List<?> o && PyValues.plain(v) instanceof List<?> n
                    && !listMerge.equals("replace") && !listMerge.equals("keep")) {
                List<Object> merged = new ArrayList<>(listMerge.startsWith("prepend") ? n : o);
                merged.addAll(listMerge.startsWith("prepend") ? o : n);
                into.put(k, merged);
            } else if (!(listMerge.equals("keep") && old instanceof List<?> && v instanceof List<?>)) {
                into.put(k, v);
            }
        });
    }

    private static Map<?, ?> mapping(Object v) {
        if (PyValues.plain(v) instanceof Map<?, ?> m) {
            return m;
        }
        throw new ELException("failed to combine variables, expected dicts but got a '" + PyValues.typeName(v) + "'");
    }

    private static Object fromJson(Object in, Args a) {
        try {
            return Json.parse(PyValues.str(in));
        } catch (IOException | RuntimeException e) {
            throw new ELException("from_json: not JSON: " + e.getMessage());
        }
    }
}
