package io.ipmirunner.playbook;

import io.ipmirunner.modules.Module;
import io.ipmirunner.modules.ModuleArgumentException;
import io.ipmirunner.modules.Modules;
import io.ipmirunner.expr.Expressions;
import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.Problems;
import io.ipmirunner.yaml.YamlMap;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a module task's arguments with the module's own {@code validate}, the same check {@code exec} does,
 * before any BMC is touched. YAML values are turned into the {@code key=value} strings modules take:
 * {@code state: on} (a YAML 1.1 boolean) is passed as written, "on"; {@code wait: true} as "true". Arguments
 * with {@code {{ ... }}} are only known per host, so a task that has any is validated at run time instead.
 */
final class ModuleArgsCheck {
    private ModuleArgsCheck() {}

    /** The arguments as written, or empty when they are not a mapping or {@code key=value} text. */
    static Optional<Map<String, YamlValue>> arguments(YamlValue v, String what, Problems problems) {
        if (v instanceof YamlScalar s && s.isNull()) {
            return Optional.of(Map.of());
        }
        if (v instanceof YamlMap m) {
            return Optional.of(m.asMap());
        }
        if (v instanceof YamlScalar s && s.isString()) {
            return freeForm(s, what, problems);
        }
        problems.add(v.at(), what + " takes a mapping of arguments or key=value text, found " + v.describe());
        return Optional.empty();
    }

    /** Runs the module's validate on the arguments; reports its complaint at the action's position. */
    static boolean validate(String module, Map<String, YamlValue> args, Location at, Problems problems) {
        Module<?> m = Modules.find(module).orElseThrow();
        Map<String, String> text = new LinkedHashMap<>();
        boolean templated = false;
        for (Map.Entry<String, YamlValue> e : args.entrySet()) {
            if (!(e.getValue() instanceof YamlScalar s) || s.kind() == YamlScalar.Kind.VAULT) {
                problems.add(e.getValue().at(), module + ": argument '" + e.getKey() + "' takes one value, found "
                        + e.getValue().describe());
                return false;
            }
            if (s.isNull()) {
                problems.add(s.at(), module + ": argument '" + e.getKey() + "' has no value");
                return false;
            }
            templated |= Expressions.isTemplate(s.text());
            text.put(e.getKey(), asArgument(s));
        }
        if (templated) {
            return true;
        }
        try {
            m.validate(text);
            return true;
        } catch (ModuleArgumentException e) {
            problems.add(at, e.getMessage());
            return false;
        }
    }

    /** A scalar as module argument text: booleans spelled true/false, YAML 1.1's on/off/yes/no as written. */
    private static String asArgument(YamlScalar s) {
        if (s.kind() == YamlScalar.Kind.BOOLEAN) {
            return s.isYaml11BooleanWord() ? s.text().toLowerCase(Locale.ROOT) : String.valueOf(s.value());
        }
        return s.text();
    }

    /** {@code power: state=on wait=true}, with single or double quotes around values that hold blanks. */
    static Optional<Map<String, YamlValue>> freeForm(YamlScalar s, String what, Problems problems) {
        Map<String, YamlValue> out = new LinkedHashMap<>();
        for (String word : words(s.text())) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                problems.add(s.at(), what + " arguments are key=value, found '" + word + "'");
                return Optional.empty();
            }
            String value = word.substring(eq + 1);
            YamlScalar.Kind kind = value.matches("true|false|True|False") ? YamlScalar.Kind.BOOLEAN
                    : value.matches("-?[0-9]{1,18}") ? YamlScalar.Kind.INTEGER : YamlScalar.Kind.STRING;
            Object parsed = switch (kind) {
                case BOOLEAN -> Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
                case INTEGER -> Long.parseLong(value);
                default -> value;
            };
            out.put(word.substring(0, eq), new YamlScalar(value, kind, parsed, false, s.at()));
        }
        return Optional.of(out);
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (!w.isEmpty()) {
                    out.add(w.toString());
                    w.setLength(0);
                }
            } else {
                w.append(c);
            }
        }
        if (!w.isEmpty()) {
            out.add(w.toString());
        }
        return out;
    }
}
