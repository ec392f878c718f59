package io.ipmirunner.sim.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --fleet FILE} format: a small subset of YAML, hand-parsed because the project has no YAML
 * library yet. Top-level {@code key: value} lines give fleet-wide defaults (and {@code seed}); a
 * {@code groups:} list holds one mapping per group. Values are scalars or flow lists {@code [a, b]};
 * {@code #} starts a comment. Example:
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

    public static Document parse(String text) {
        Map<String, Object> top = new LinkedHashMap<>();
        List<Map<String, Object>> groups = new ArrayList<>();
        boolean inGroups = false;
        int itemIndent = -1;
        Map<String, Object> current = null;
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = stripComment(lines[n]);
            if (line.isBlank()) {
                continue;
            }
            int indent = indentOf(line, n + 1);
            String body = line.strip();
            if (indent == 0) {
                inGroups = false;
                current = null;
                String[] kv = keyValue(body, n + 1);
                if (kv[0].equals("groups")) {
                    if (!kv[1].isEmpty()) {
                        throw error(n + 1, "'groups:' takes a list of mappings on the following lines");
                    }
                    inGroups = true;
                } else {
                    put(top, kv, n + 1);
                }
                continue;
            }
            if (!inGroups) {
                throw error(n + 1, "unexpected indentation");
            }
            if (body.startsWith("- ") || body.equals("-")) {
                current = new LinkedHashMap<>();
                groups.add(current);
                itemIndent = indent + 2;
                body = body.substring(1).strip();
                if (body.isEmpty()) {
                    continue;
                }
            } else if (current == null || indent != itemIndent) {
                throw error(n + 1, "group keys must line up under the first key after '- '");
            }
            put(current, keyValue(body, n + 1), n + 1);
        }
        return new Document(top, groups);
    }

    private static void put(Map<String, Object> map, String[] kv, int line) {
        if (map.containsKey(kv[0])) {
            throw error(line, "key '" + kv[0] + "' appears twice");
        }
        map.put(kv[0], value(kv[1], line));
    }

    private static String[] keyValue(String body, int line) {
        int colon = body.indexOf(':');
        if (colon <= 0) {
            throw error(line, "expected 'key: value'");
        }
        return new String[] {body.substring(0, colon).strip(), body.substring(colon + 1).strip()};
    }

    private static Object value(String v, int line) {
        if (v.startsWith("[")) {
            if (!v.endsWith("]")) {
                throw error(line, "a list must close on the same line: [a, b]");
            }
            List<String> items = new ArrayList<>();
            for (String item : v.substring(1, v.length() - 1).split(",")) {
                if (!item.isBlank()) {
                    items.add(unquote(item.strip()));
                }
            }
            return items;
        }
        return unquote(v);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                quoted = !quoted;
            } else if (c == '#' && !quoted && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static int indentOf(String line, int n) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        if (i < line.length() && line.charAt(i) == '\t') {
            throw error(n, "tabs are not allowed for indentation (YAML)");
        }
        return i;
    }

    static IllegalArgumentException error(int line, String message) {
        return new IllegalArgumentException("line " + line + ": " + message);
    }
}
