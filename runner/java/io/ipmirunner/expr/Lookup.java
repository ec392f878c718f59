package io.ipmirunner.expr;

import io.ipmirunner.secret.Secret;
import io.ipmirunner.yaml.VaultValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commonest expressions, {@code inventory_hostname}, {@code power.state} and {@code bmc_user_id |
 * default(2)}, looked up in the scope directly instead of through Jinjava, whose bookkeeping around a lookup
 * (an interpreter borrowed, every name and expression recorded, every value wrapped) costs several times the
 * lookup. Only the plain cases are taken: every step a mapping that has the key, a value of the types the
 * scope holds. Anything else ({@link #MISS}: a missing name without a default, a list or string on the
 * way, a name Jinjava's own context knows, an oversized collection) goes to Jinjava, which gives its
 * result or its error as before; so this path cannot give a value the engine would not.
 */
record Lookup(String[] path, boolean hasFallback, Object fallback) {
    /** Not decided here: the engine evaluates the expression. */
    static final Object MISS = new Object();
    /** A name or key on the path is missing: the engine's value would be undefined. */
    static final Object UNDEFINED = new Object();

    private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";
    /** A dotted path, optionally {@code | default(...)} or {@code | d(...)} of a whole number or a plain string. */
    private static final Pattern SHAPE = Pattern.compile("\\s*(" + NAME + "(?:\\." + NAME + ")*)\\s*"
            + "(?:\\|\\s*(?:default|d)\\s*\\(\\s*(?:([0-9]{1,18})|'([^'\\\\]*)'|\"([^\"\\\\]*)\")\\s*\\)\\s*)?");
    /** Words the expression parser reads as operators or literals, not as names: left to Jinjava. */
    private static final Set<String> WORDS = Set.of("true", "false", "null", "none", "True", "False", "None",
            "empty", "not", "and", "or", "div", "mod", "eq", "ne", "lt", "gt", "le", "ge", "instanceof", "is", "in",
            "if", "else");

    /** The lookup for {@code expression}, or null when it is not one of these shapes. */
    static Lookup of(String expression) {
        Matcher m = SHAPE.matcher(expression);
        if (!m.matches()) {
            return null;
        }
        String[] path = m.group(1).split("\\.");
        for (String name : path) {
            if (WORDS.contains(name)) {
                return null;
            }
        }
        Object fallback = m.group(2) != null ? (Object) Long.parseLong(m.group(2))
                : m.group(3) != null ? m.group(3) : m.group(4);
        return new Lookup(path, fallback != null, fallback);
    }

    /** The expression's value in {@code scope}, as Expressions.evaluate gives it, or {@link #MISS}. */
    Object find(Map<String, Object> scope) {
        Object value = raw(scope);
        return value == UNDEFINED ? hasFallback ? fallback : MISS : value == MISS ? MISS : plain(value);
    }

    /**
     * The value the path leads to, as the scope holds it (not copied; the default is not applied), or
     * {@link #UNDEFINED}, or {@link #MISS}.
     */
    Object raw(Map<String, Object> scope) {
        String first = path[0];
        if (JinjaEngine.isGlobal(first)) {
            return MISS;
        }
        if (!scope.containsKey(first)) {
            return UNDEFINED;
        }
        Object value = scope.get(first);
        for (int i = 1; i < path.length; i++) {
            if (!(value instanceof Map<?, ?> m) || m.size() > JinjaEngine.MAX_ITEMS) {
                return MISS;
            }
            if (!m.containsKey(path[i])) {
                return UNDEFINED;
            }
            value = m.get(path[i]);
        }
        return value instanceof java.util.Collection<?> c && c.size() > JinjaEngine.MAX_ITEMS
                || value instanceof Map<?, ?> m && m.size() > JinjaEngine.MAX_ITEMS ? MISS : value;
    }

    /** As the engine hands a value back: secrets as their mask, numbers widened, collections copied. */
    private static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            case Secret s -> s.toString();
            case VaultValue v -> v.toString();
            case String s when s.length() <= JinjaEngine.MAX_TEXT -> s;
            case Boolean b -> b;
            case Number n -> PyValues.plain(n);
            case List<?> l -> PyValues.deepPlain(l);
            case Map<?, ?> m -> PyValues.deepPlain(m);
            default -> MISS;
        };
    }
}
