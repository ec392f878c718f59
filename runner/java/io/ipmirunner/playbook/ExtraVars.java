package io.ipmirunner.playbook;

import io.ipmirunner.yaml.InvalidInputException;
import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.SafeYaml;
import io.ipmirunner.yaml.YamlMap;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -e} as Ansible reads it: {@code key=value} pairs (strings), {@code @FILE} (a YAML or JSON file of
 * variables), or inline YAML/JSON ({@code '{"serial": 5}'}). Later {@code -e} win; extra vars win over every
 * other variable.
 */
public final class ExtraVars {
    private ExtraVars() {}

    public static Map<String, YamlValue> parse(List<String> options) {
        Map<String, YamlValue> out = new LinkedHashMap<>();
        int n = 0;
        for (String option : options) {
            n++;
            String text = option.strip();
            Location at = Location.commandLine("-e #" + n);
            if (text.startsWith("@")) {
                Path file = Path.of(text.substring(1));
                out.putAll(mapping(SafeYaml.load(file, file.toString()), file.toString()));
            } else if (text.startsWith("{")) {
                out.putAll(mapping(SafeYaml.parse(text, "-e #" + n), "-e " + text));
            } else {
                for (String pair : text.split("\\s+")) {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new InvalidInputException(at, "-e takes key=value, @FILE or {...}, found '" + pair + "'");
                    }
                    out.put(pair.substring(0, eq), YamlScalar.string(pair.substring(eq + 1), at));
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, YamlValue> mapping(YamlValue v, String source) {
        if (v instanceof YamlScalar s && s.isNull()) {
            return Map.of();
        }
        if (!(v instanceof YamlMap m)) {
            throw new InvalidInputException(v.at(), "extra vars from " + source + " must be a mapping, found "
                    + v.describe());
        }
        return m.asMap();
    }
}
