package io.ipmirunner.yaml;

import java.util.Locale;
import java.util.Set;

/**
 * A scalar with its source text and what YAML 1.1 (the YAML Ansible reads) makes of it. {@code plain} is
 * true for unquoted scalars: only those can be surprises ({@code no} read as false, {@code 0623} as 403).
 *
 * @param value Boolean, Long or BigInteger, Double, String (also timestamps, kept as written), null,
 *     or a {@link VaultValue}
 */
public record YamlScalar(String text, Kind kind, Object value, boolean plain, Location at) implements YamlValue {
    public enum Kind { STRING, BOOLEAN, INTEGER, FLOAT, NULL, TIMESTAMP, VAULT }

    private static final Set<String> TRUE_FALSE = Set.of("true", "false");

    public static YamlScalar string(String text, Location at) {
        return new YamlScalar(text, Kind.STRING, text, false, at);
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isString() {
        return kind == Kind.STRING;
    }

    @Override
    public String describe() {
        return switch (kind) {
            case STRING, TIMESTAMP -> "the string '" + text + "'";
            case BOOLEAN -> plain ? "'" + text + "', which YAML 1.1 reads as the boolean " + value
                    : "the boolean " + value;
            case INTEGER, FLOAT -> plain && !text.equals(String.valueOf(value))
                    ? "'" + text + "', which YAML 1.1 reads as the number " + value : "the number " + text;
            case NULL -> "nothing (null)";
            case VAULT -> "a !vault value";
        };
    }

    /** True for the words YAML 1.1 turns into booleans although users mean words: yes/no/on/off/y/n. */
    public boolean isYaml11BooleanWord() {
        return kind == Kind.BOOLEAN && plain && !TRUE_FALSE.contains(text.toLowerCase(Locale.ROOT));
    }

    @Override
    public Object toPlain() {
        return value;
    }
}
