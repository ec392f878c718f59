package io.ipmirunner.config;

import io.ipmirunner.util.BoundedRead;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The INI file as ansible.cfg is written: a {@code [defaults]} section of {@code key = value} lines, comments
 * starting with {@code #} or {@code ;}. Any other section, an unknown key, a key given twice or a bad value is an
 * error naming file:line; relative paths are taken from the file's directory, as Ansible does for path settings.
 */
final class ConfigFile {
    private ConfigFile() {
    }

    static Map<Setting, Value> read(Path file, Path home) {
        String text;
        try {
            text = BoundedRead.text(file, BoundedRead.TEXT);
        } catch (IOException e) {
            throw new ConfigException("configuration: cannot read " + BoundedRead.problem(file, e));
        }
        Map<Setting, Value> out = new LinkedHashMap<>();
        Path dir = file.toAbsolutePath().getParent();
        String section = null;
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String where = file + ":" + (i + 1);
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                section = line.endsWith("]") ? line.substring(1, line.length() - 1).strip() : line;
                if (!section.equals("defaults")) {
                    throw new ConfigException(where + ": unknown section '" + line + "' (only [defaults])");
                }
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(where + ": expected 'key = value', got '" + line + "'");
            }
            if (section == null) {
                throw new ConfigException(where + ": '" + line + "' is outside [defaults]");
            }
            String key = line.substring(0, eq).strip();
            Setting setting = Setting.byKey(key).orElseThrow(() -> new ConfigException(where + ": unknown key '"
                    + key + "' (known: " + known() + ")"));
            if (out.containsKey(setting)) {
                throw new ConfigException(where + ": '" + key + "' is already set at " + out.get(setting).origin());
            }
            out.put(setting, Value.checked(setting, line.substring(eq + 1).strip(), where, dir, home));
        }
        return out;
    }

    private static String known() {
        return String.join(", ", java.util.Arrays.stream(Setting.values()).map(Setting::key).toList());
    }
}
