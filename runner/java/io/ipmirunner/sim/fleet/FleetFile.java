package io.ipmirunner.sim.fleet;

import io.ipmirunner.yaml.InvalidInputException;
import io.ipmirunner.yaml.SafeYaml;
import io.ipmirunner.yaml.YamlList;
import io.ipmirunner.yaml.YamlMap;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --fleet FILE} format, read with the project's safe YAML reader: top-level keys give fleet-wide
 * defaults (and {@code seed}); a {@code groups:} list holds one mapping per group. Values are scalars or
 * lists of scalars. Errors name {@code file:line:column}. Example:
 * <pre>
 * seed: 42
 * personality: mixed
 * groups:
 *   - name: rack-a
 *     count: 20
 *     latency: 20-80
 *     quirks: [suite-3-only]
 *   - name: flaky
 *     count: 5
 *     loss: 0.2
 * </pre>
 */
public final class FleetFile {
    /** The parsed document: values are {@code String} or {@code List<String>}. */
    public record Document(Map<String, Object> top, List<Map<String, Object>> groups) {}

    private FleetFile() {}

    /** {@code shownAs} names the file in error messages. */
    public static Document parse(String text, String shownAs) {
        YamlValue root;
        try {
            root = SafeYaml.parse(text, shownAs);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException(e.problems().getFirst().toString());
        }
        if (root instanceof YamlScalar s && s.isNull()) {
            return new Document(Map.of(), List.of());
        }
        if (!(root instanceof YamlMap map)) {
            throw error(root, "a fleet file is a mapping of keys, with an optional 'groups:' list");
        }
        Map<String, Object> top = new LinkedHashMap<>();
        List<Map<String, Object>> groups = new ArrayList<>();
        for (YamlMap.Member m : map.members()) {
            if (!m.name().equals("groups")) {
                top.put(m.name(), value(m.value()));
                continue;
            }
            if (!(m.value() instanceof YamlList list)) {
                throw error(m.value(), "'groups' takes a list of mappings");
            }
            for (YamlValue item : list.items()) {
                if (!(item instanceof YamlMap g)) {
                    throw error(item, "each group is a mapping of keys");
                }
                Map<String, Object> group = new LinkedHashMap<>();
                g.members().forEach(k -> group.put(k.name(), value(k.value())));
                groups.add(group);
            }
        }
        return new Document(top, groups);
    }

    private static Object value(YamlValue v) {
        if (v instanceof YamlScalar s) {
            return s.text();
        }
        if (v instanceof YamlList l) {
            List<String> out = new ArrayList<>();
            for (YamlValue item : l.items()) {
                if (!(item instanceof YamlScalar s)) {
                    throw error(item, "lists hold plain values only");
                }
                out.add(s.text());
            }
            return out;
        }
        throw error(v, "expected a value or a list of values, found " + v.describe());
    }

    private static IllegalArgumentException error(YamlValue at, String message) {
        return new IllegalArgumentException(at.at() + ": " + message);
    }
}
