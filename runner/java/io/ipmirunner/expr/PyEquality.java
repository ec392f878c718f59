package io.ipmirunner.expr;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Python's {@code ==} between plain values: 1 == 1.0, True == 1, lists and dicts item by item. */
final class PyEquality {
    private PyEquality() {}

    static boolean equal(Object x, Object y) {
        Object a = PyValues.plain(x);
        Object b = PyValues.plain(y);
        if (a instanceof Boolean p && b instanceof Number) {
            a = p ? 1L : 0L;
        }
        if (b instanceof Boolean q && a instanceof Number) {
            b = q ? 1L : 0L;
        }
        if (a instanceof Number n && b instanceof Number m) {
            return n.doubleValue() == m.doubleValue();
        } else if (a instanceof List<?> l && b instanceof List<?> k) {
            if (l.size() != k.size()) {
                return false;
            }
            for (int i = 0; i < l.size(); i++) {
                if (!equal(l.get(i), k.get(i))) {
                    return false;
                }
            }
            return true;
        } else if (a instanceof Map<?, ?> l && b instanceof Map<?, ?> k) {
            return l.size() == k.size() && l.entrySet().stream()
                    .allMatch(e -> k.containsKey(e.getKey()) && equal(e.getValue(), k.get(e.getKey())));
        }
        return Objects.equals(a, b);
    }
}
