package io.ipmirunner.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML mapping in written order. Keys are kept as scalars (with their positions and resolved kinds) so a
 * host named {@code no:} can be told apart from the string "no"; lookups go by the key's text.
 */
public record YamlMap(List<Member> members, Location at) implements YamlValue {
    /** One {@code key: value} pair. */
    public record Member(YamlScalar key, YamlValue value) {
        public String name() {
            return key.text();
        }
    }

    public YamlMap {
        members = List.copyOf(members);
    }

    public static YamlMap empty(Location at) {
        return new YamlMap(List.of(), at);
    }

    public Optional<YamlValue> get(String key) {
        for (Member m : members) {
            if (m.name().equals(key)) {
                return Optional.of(m.value());
            }
        }
        return Optional.empty();
    }

    public Optional<Member> member(String key) {
        return members.stream().filter(m -> m.name().equals(key)).findFirst();
    }

    public boolean has(String key) {
        return member(key).isPresent();
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** The members as an ordered map from key text to value (no key twice: the loader refuses duplicates). */
    public Map<String, YamlValue> asMap() {
        Map<String, YamlValue> out = new LinkedHashMap<>();
        for (Member m : members) {
            out.put(m.name(), m.value());
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String describe() {
        return "a mapping";
    }

    @Override
    public Object toPlain() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Member m : members) {
            out.put(m.name(), m.value().toPlain());
        }
        return Collections.unmodifiableMap(out);
    }
}
