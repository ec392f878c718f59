package io.ipmirunner.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON as Python's {@code json.dumps} writes it, which Ansible's {@code to_json} and {@code to_nice_json}
 * call: ", " and ": " between items, non-ASCII escaped, {@code to_nice_json} indented by 4 with sorted keys.
 * The project's {@link io.ipmirunner.util.Json} writes compact JSON for files; this is for playbook output.
 */
final class PyJson {
    private PyJson() {}

    /** {@code indent} < 0: one line. */
    static String dump(Object value, int indent, boolean sortKeys) {
        StringBuilder out = new StringBuilder();
        write(PyValues.plain(value), indent, sortKeys, 0, out);
        return out.toString();
    }

    private static void write(Object v, int indent, boolean sortKeys, int depth, StringBuilder out) {
        v = PyValues.plain(v);
        switch (v) {
            case null -> out.append("null");
            case Boolean b -> out.append(b);
            case Double d -> out.append(d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity")
                    : PyValues.floatText(d));
            case Number n -> out.append(n);
            case String s -> string(s, out);
            case List<?> l -> {
                out.append('[');
                for (int i = 0; i < l.size(); i++) {
                    out.append(i > 0 ? (indent < 0 ? ", " : ",") : "");
                    newline(indent, depth + 1, out);
                    write(l.get(i), indent, sortKeys, depth + 1, out);
                }
                if (!l.isEmpty()) {
                    newline(indent, depth, out);
                }
                out.append(']');
            }
            case Map<?, ?> m -> {
                List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
                if (sortKeys) {
                    entries.sort((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())));
                }
                out.append('{');
                for (int i = 0; i < entries.size(); i++) {
                    out.append(i > 0 ? (indent < 0 ? ", " : ",") : "");
                    newline(indent, depth + 1, out);
                    string(PyValues.str(entries.get(i).getKey()), out);
                    out.append(": ");
                    write(entries.get(i).getValue(), indent, sortKeys, depth + 1, out);
                }
                if (!entries.isEmpty()) {
                    newline(indent, depth, out);
                }
                out.append('}');
            }
            default -> string(PyValues.str(v), out);
        }
    }

    private static void newline(int indent, int depth, StringBuilder out) {
        if (indent >= 0) {
            out.append('\n').append(" ".repeat(indent * depth));
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        out.append('"');
    }
}
