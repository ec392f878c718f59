package io.ipmirunner.expr;

import com.hubspot.jinjava.util.HasObjectTruthValue;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ansible's undefined value (its {@code AnsibleUndefined}, a strict Jinja2 undefined): what a missing
 * variable, key, attribute or index evaluates to. {@code is defined}, {@code is undefined} and
 * {@code default} look at it; reading an attribute of it gives it again (so {@code a.b.c | default(1)} works
 * when {@code a.b} is missing); anything else that uses it (comparing, printing, arithmetic, a filter, a
 * condition) fails with {@link #error()}, which names what was missing and, for a mapping, the keys it has.
 */
final class Undefined implements HasObjectTruthValue {
    private static final int KEYS_SHOWN = 20;
    private final String message;

    private Undefined(String message) {
        this.message = message;
    }

    static Undefined variable(String name) {
        return new Undefined("'" + name + "' is undefined");
    }

    /** A missing key of a mapping: the message lists the keys it does have. */
    static Undefined key(Map<?, ?> map, Object key) {
        String keys = map.keySet().stream().limit(KEYS_SHOWN).map(String::valueOf).collect(Collectors.joining(", "));
        return new Undefined("'dict object' has no attribute '" + key + "' (its keys: "
                + (map.isEmpty() ? "none" : keys + (map.size() > KEYS_SHOWN ? ", ..." : "")) + ")");
    }

    static Undefined attribute(Object base, Object name) {
        return new Undefined("'" + PyValues.typeName(base) + " object' has no attribute '" + name + "'");
    }

    static Undefined index(java.util.List<?> list, Object index) {
        return new Undefined("list index " + index + " out of range (the list has " + list.size() + " items)");
    }

    String message() {
        return message;
    }

    /** The error any use of this value raises. */
    UndefinedError error() {
        return new UndefinedError(message);
    }

    /** A condition on it ({@code if}, {@code and}, {@code not}) is a use. */
    @Override
    public boolean getObjectTruthValue() {
        throw error();
    }

    @Override
    public boolean equals(Object o) {
        throw error();
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        throw error();
    }

    /** Raised where an undefined value is used; {@link Expressions} turns it into an {@link ExpressionException}. */
    static final class UndefinedError extends RuntimeException {
        UndefinedError(String message) {
            super(message, null, false, false);
        }
    }
}
