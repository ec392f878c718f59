package io.ipmirunner.yaml;

import io.ipmirunner.util.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads typed fields of one mapping (a play, a task, a group), reporting what was expected and what was found
 * at the value's position. A wrong field is reported and read as absent, so parsing goes on.
 *
 * @param owner how the mapping is named in messages, e.g. "task 'Power cycle'"
 */
public record MapReader(YamlMap map, String owner, Problems problems) {

    /** Reports each key not in {@code known}, with a suggestion when one is close. */
    public void allowOnly(Collection<String> known) {
        for (YamlMap.Member m : map.members()) {
            if (!known.contains(m.name())) {
                problems.add(m.key().at(), "unknown key '" + m.name() + "' in " + owner
                        + Suggestions.hint(m.name(), known));
            }
        }
    }

    public Optional<YamlValue> value(String key) {
        return map.get(key);
    }

    public boolean has(String key) {
        return map.has(key);
    }

    public Optional<String> string(String key) {
        return value(key).flatMap(v -> asString(v, "'" + key + "' in " + owner, problems));
    }

    /** A string where one was meant; YAML 1.1 booleans and nulls are refused with a hint to quote them. */
    public static Optional<String> asString(YamlValue v, String what, Problems problems) {
        if (v instanceof YamlScalar s) {
            switch (s.kind()) {
                case STRING, TIMESTAMP, INTEGER, FLOAT -> {
                    return Optional.of(s.text());
                }
                case BOOLEAN -> problems.add(s.at(), what + " must be a string, found " + s.describe()
                        + (s.plain() ? " (quote it: \"" + s.text() + "\")" : ""));
                default -> problems.add(s.at(), what + " must be a string, found " + s.describe());
            }
            return Optional.empty();
        }
        problems.add(v.at(), what + " must be a string, found " + v.describe());
        return Optional.empty();
    }

    public Optional<Boolean> bool(String key) {
        return value(key).flatMap(v -> {
            if (v instanceof YamlScalar s && s.kind() == YamlScalar.Kind.BOOLEAN) {
                return Optional.of((Boolean) s.value());
            }
            problems.add(v.at(), "'" + key + "' in " + owner + " must be true or false, found " + v.describe());
            return Optional.empty();
        });
    }

    /** A whole number in [min, max]. */
    public Optional<Integer> integer(String key, int min, int max) {
        return value(key).flatMap(v -> {
            if (v instanceof YamlScalar s && s.kind() == YamlScalar.Kind.INTEGER && s.value() instanceof Long n
                    && n >= min && n <= max) {
                return Optional.of(n.intValue());
            }
            String range = max == Integer.MAX_VALUE ? "a whole number >= " + min
                    : "a whole number from " + min + " to " + max;
            problems.add(v.at(), "'" + key + "' in " + owner + " must be " + range + ", found " + v.describe());
            return Optional.empty();
        });
    }

    /** A number, whole or not, in [min, max]. */
    public Optional<Double> number(String key, double min, double max) {
        return value(key).flatMap(v -> {
            if (v instanceof YamlScalar s && (s.kind() == YamlScalar.Kind.INTEGER || s.kind() == YamlScalar.Kind.FLOAT)
                    && s.value() instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max) {
                return Optional.of(n.doubleValue());
            }
            problems.add(v.at(), "'" + key + "' in " + owner + " must be a number from " + plain(min) + " to "
                    + plain(max) + ", found " + v.describe());
            return Optional.empty();
        });
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** Seconds as a number, or a number with a unit: 500ms, 5s, 2m, 1h. */
    public Optional<Duration> duration(String key) {
        return value(key).flatMap(v -> {
            if (v instanceof YamlScalar s && (s.kind() == YamlScalar.Kind.INTEGER || s.kind() == YamlScalar.Kind.FLOAT
                    || s.kind() == YamlScalar.Kind.STRING)) {
                Optional<Duration> d = DurationText.parse(s.text());
                if (d.isPresent() && (s.kind() != YamlScalar.Kind.INTEGER || s.value() instanceof Long)) {
                    return d;
                }
            }
            boolean templated = v instanceof YamlScalar s && (s.text().contains("{{") || s.text().contains("{%"));
            problems.add(v.at(), "'" + key + "' in " + owner + " must be a duration (seconds, or e.g. 500ms, 5s, 2m, "
                    + "1h), found " + v.describe() + (templated ? ": it is fixed when the playbook is read, before "
                    + "any host's variables exist" : ""));
            return Optional.empty();
        });
    }

    public Optional<YamlMap> mapping(String key) {
        return value(key).flatMap(v -> {
            if (v instanceof YamlMap m) {
                return Optional.of(m);
            }
            if (v instanceof YamlScalar s && s.isNull()) {
                return Optional.of(YamlMap.empty(s.at()));
            }
            problems.add(v.at(), "'" + key + "' in " + owner + " must be a mapping, found " + v.describe());
            return Optional.empty();
        });
    }

    /** A list; an empty value reads as an empty list. */
    public Optional<YamlList> list(String key) {
        return value(key).flatMap(v -> {
            if (v instanceof YamlList l) {
                return Optional.of(l);
            }
            if (v instanceof YamlScalar s && s.isNull()) {
                return Optional.of(new YamlList(List.of(), s.at()));
            }
            problems.add(v.at(), "'" + key + "' in " + owner + " must be a list, found " + v.describe());
            return Optional.empty();
        });
    }

    /** One string or a list of strings (Ansible's notify, tags, listen); a string may be comma-separated. */
    public List<String> stringList(String key, boolean splitCommas) {
        List<String> out = new ArrayList<>();
        value(key).ifPresent(v -> {
            List<YamlValue> items = v instanceof YamlList l ? l.items() : List.of(v);
            for (YamlValue item : items) {
                asString(item, "'" + key + "' in " + owner, problems).ifPresent(s -> {
                    for (String part : splitCommas ? s.split(",") : new String[] {s}) {
                        if (!part.isBlank()) {
                            out.add(part.strip());
                        }
                    }
                });
            }
        });
        return List.copyOf(out);
    }
}
