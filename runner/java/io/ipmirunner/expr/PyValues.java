package io.ipmirunner.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values as Python and Ansible see them: how a value prints inside a template ({@code str}: True, None,
 * ['a', 1], {'k': 'v'}), its truth in a condition, its type name in messages, and the plain Java value an
 * evaluation hands back (Jinjava's list and map wrappers, integers of any width and arrays undone).
 */
final class PyValues {
    private PyValues() {}

    /** Python's {@code str()}: what {@code "x={{ v }}"} writes. */
    static String str(Object v) {
        return v instanceof String s ? s : repr(v);
    }

    /** Python's {@code repr()}, as inside a printed list or dict. */
    static String repr(Object v) {
        v = plain(v);
        return switch (v) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case String s -> quoted(s);
            case Double d -> floatText(d);
            case Number n -> n.toString();
            case List<?> l -> {
                StringBuilder out = new StringBuilder("[");
                for (Object x : l) {
                    out.append(out.length() > 1 ? ", " : "").append(repr(x));
                }
                yield out.append(']').toString();
            }
            case Map<?, ?> m -> {
                StringBuilder out = new StringBuilder("{");
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    out.append(out.length() > 1 ? ", " : "").append(repr(e.getKey())).append(": ")
                            .append(repr(e.getValue()));
                }
                yield out.append('}').toString();
            }
            default -> v.toString();
        };
    }

    /** Python's float repr: 1.0, 0.5, 1e-05, 1e+16, 10000000.0. */
    static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        } else if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        double abs = Math.abs(d);
        if (abs != 0 && (abs < 1e-4 || abs >= 1e16)) {
            String[] parts = String.format(java.util.Locale.ROOT, "%s", new BigDecimal(Double.toString(d))
                    .round(new java.math.MathContext(17)).stripTrailingZeros().toString().replace("E", "e"))
                    .split("e");
            String mantissa = parts[0];
            int exp = parts.length > 1 ? Integer.parseInt(parts[1].replace("+", "")) : 0;
            if (mantissa.contains(".")) {
                int dot = mantissa.indexOf('.');
                exp += dot - (mantissa.startsWith("-") ? 2 : 1);
                mantissa = mantissa.replace(".", "");
                mantissa = mantissa.substring(0, mantissa.startsWith("-") ? 2 : 1) + "."
                        + mantissa.substring(mantissa.startsWith("-") ? 2 : 1);
                mantissa = mantissa.endsWith(".") ? mantissa.substring(0, mantissa.length() - 1) : mantissa;
            }
            return mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        String plain = new BigDecimal(Double.toString(d)).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static String quoted(String s) {
        char q = s.contains("'") && !s.contains("\"") ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(q);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c == q ? "\\" + c : String.valueOf(c));
            }
        }
        return out.append(q).toString();
    }

    /** Python's truth: None, False, 0, 0.0, '' and empty lists and maps are false. */
    static boolean truthy(Object v) {
        return switch (plain(v)) {
            case null -> false;
            case Boolean b -> b;
            case Number n -> n.doubleValue() != 0;
            case String s -> !s.isEmpty();
            case Collection<?> c -> !c.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            case Undefined u -> throw u.error();
            default -> true;
        };
    }

    /** Python's type names, for messages: str, int, float, bool, list, dict, NoneType. */
    static String typeName(Object v) {
        return switch (plain(v)) {
            case null -> "NoneType";
            case String s -> "str";
            case Boolean b -> "bool";
            case Double d -> "float";
            case Float f -> "float";
            case BigDecimal d -> "float";
            case Number n -> "int";
            case List<?> l -> "list";
            case Map<?, ?> m -> "dict";
            default -> v.getClass().getSimpleName();
        };
    }

    /** One value as the rest of ipmi-runner holds it: Long for whole numbers, Double, List, Map, String. */
    static Object plain(Object v) {
        return switch (v) {
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigInteger b -> b.bitLength() < 64 ? (Object) b.longValue() : b;
            case Float f -> f.doubleValue();
            case BigDecimal d -> d.doubleValue();
            case Object[] array -> List.of(array);
            case Map.Entry<?, ?> e -> java.util.Arrays.asList(e.getKey(), e.getValue());
            case Collection<?> c when !(c instanceof List<?>) -> new ArrayList<>(c);
            case null, default -> v;
        };
    }

    /** {@link #plain} all the way down; a value that is undefined anywhere inside fails. */
    static Object deepPlain(Object v) {
        Object p = plain(v);
        if (p instanceof Undefined u) {
            throw u.error();
        } else if (p instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(deepPlain(x)));
            return out;
        } else if (p instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, deepPlain(x)));
            return out;
        }
        return p;
    }
}
