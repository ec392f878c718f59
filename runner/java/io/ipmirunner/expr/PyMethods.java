package io.ipmirunner.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Python methods playbooks call on strings, mappings and lists ({@code name.startswith('bmc')},
 * {@code result.keys()}, {@code d.get('k', 0)}, {@code csv.split(',')}), with Python's meaning. Any other
 * method is refused: values are data, not Java objects.
 */
final class PyMethods {
    private PyMethods() {}

    static Object call(Object base, String method, Object[] args) {
        Object value = PyValues.plain(base);
        Object result = switch (value) {
            case String s -> onString(s, method, args);
            case Map<?, ?> m -> onMap(m, method, args);
            case List<?> l -> onList(l, method, args);
            default -> null;
        };
        if (result == null && !(value instanceof Map<?, ?> && method.equals("get"))) {
            throw SandboxResolver.refused(base, method);
        }
        return result;
    }

    private static Object onString(String s, String method, Object[] a) {
        return switch (method) {
            case "lower" -> s.toLowerCase(Locale.ROOT);
            case "upper" -> s.toUpperCase(Locale.ROOT);
            case "strip" -> a.length == 0 ? s.strip() : stripChars(s, str(a[0]), true, true);
            case "lstrip" -> a.length == 0 ? s.stripLeading() : stripChars(s, str(a[0]), true, false);
            case "rstrip" -> a.length == 0 ? s.stripTrailing() : stripChars(s, str(a[0]), false, true);
            case "startswith" -> s.startsWith(str(a[0]));
            case "endswith" -> s.endsWith(str(a[0]));
            case "replace" -> s.replace(str(a[0]), str(a[1]));
            case "split" -> split(s, a);
            case "find" -> (long) s.indexOf(str(a[0]));
            case "count" -> (long) (s.isEmpty() || str(a[0]).isEmpty() ? 0
                    : (s.length() - s.replace(str(a[0]), "").length()) / str(a[0]).length());
            case "join" -> a[0] instanceof List<?> l ? String.join(s, l.stream().map(PyValues::str).toList()) : null;
            case "isdigit" -> !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "capitalize" -> s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT)
                    + s.substring(1).toLowerCase(Locale.ROOT);
            default -> null;
        };
    }

    private static List<String> split(String s, Object[] a) {
        if (a.length == 0 || a[0] == null) {
            String t = s.strip();
            return t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+"));
        }
        return Arrays.asList(s.split(Pattern.quote(str(a[0])), -1));
    }

    private static String stripChars(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        while (left && start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (right && end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    private static Object onMap(Map<?, ?> m, String method, Object[] a) {
        return switch (method) {
            case "keys" -> new ArrayList<>(m.keySet());
            case "values" -> new ArrayList<>(m.values());
            case "items" -> m.entrySet().stream().map(e -> Arrays.asList(e.getKey(), e.getValue())).toList();
            case "get" -> m.containsKey(a[0]) ? m.get(a[0]) : a.length > 1 ? a[1] : null;
            default -> null;
        };
    }

    private static Object onList(List<?> l, String method, Object[] a) {
        return switch (method) {
            case "index" -> {
                int i = l.indexOf(a[0]);
                if (i < 0) {
                    throw new jinjava.javax.el.ELException(PyValues.repr(a[0]) + " is not in list");
                }
                yield (long) i;
            }
            case "count" -> l.stream().filter(x -> java.util.Objects.equals(x, a[0])).count();
            default -> null;
        };
    }

    private static String str(Object o) {
        return PyValues.str(o);
    }
}
