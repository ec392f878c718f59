package io.ipmirunner.util;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a result may hold so that it reads back equal: null, String, Boolean, whole numbers, finite
 * floating-point numbers, lists, and maps with string keys. JSON does not say which Java type a number had, so
 * each gets one canonical type, used both when a value is kept and when it is read: a whole number is an Integer
 * when it fits, else a Long when it fits, else a BigInteger; any other number is a Double.
 */
public final class JsonValues {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private JsonValues() {}

    /**
     * A deep, unmodifiable copy with every number in its canonical type. Values JSON cannot hold are kept as they
     * are: writing refuses them ({@link Json#strict(Object)}), naming where they are.
     */
    public static Object canonical(Object v) {
        return switch (v) {
            case Integer i -> i;
            case Short s -> s.intValue();
            case Byte b -> b.intValue();
            case Long l -> l == l.intValue() ? (Object) l.intValue() : l;
            case BigInteger b -> b.compareTo(LONG_MIN) < 0 || b.compareTo(LONG_MAX) > 0 ? b : canonical(b.longValue());
            case Float f -> f.doubleValue();
            case BigDecimal d -> d.doubleValue();
            case Map<?, ?> m -> {
                Map<Object, Object> copy = new LinkedHashMap<>();
                m.forEach((k, x) -> copy.put(k, canonical(x)));
                yield Collections.unmodifiableMap(copy);
            }
            case List<?> l -> {
                List<Object> copy = new ArrayList<>(l.size());
                l.forEach(x -> copy.add(canonical(x)));
                yield Collections.unmodifiableList(copy);
            }
            case null, default -> v;
        };
    }

    /** {@link #canonical(Object)} of a result map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> canonicalMap(Map<String, ?> m) {
        return (Map<String, Object>) canonical(m);
    }

    static IllegalArgumentException refused(String path, String what) {
        return new IllegalArgumentException((path.isEmpty() ? "value" : path) + ": " + what
                + " is not a JSON value (null, string, boolean, number, list, map with string keys)");
    }
}
