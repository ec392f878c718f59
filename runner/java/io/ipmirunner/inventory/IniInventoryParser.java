package io.ipmirunner.inventory;

import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.Problems;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's INI inventory, line for line as its {@code ini} plugin reads it: lines before any section are
 * ungrouped hosts; {@code [g]} holds host lines ({@code name key=value ...}, shell-quoted, {@code #} comments),
 * {@code [g:vars]} holds {@code key = value} lines (the whole rest of the line is the value, comments
 * included), {@code [g:children]} holds group names that may be declared further down. Values are Python
 * literals when they parse as one, else strings.
 */
final class IniInventoryParser {
    private static final Pattern SECTION = Pattern.compile("^\\[([^:\\]\\s]+)(?::(\\w+))?]\\s*(?:#.*)?$");
    private static final Pattern GROUP_NAME = Pattern.compile("^([^:\\]\\s]+)\\s*(?:#.*)?$");

    private record Pending(Location at, String kind, List<String> parents) {}

    private final InventoryBuilder inventory;
    private final Problems problems;
    private final int maxHosts;
    /** Keys of the current [g:vars] section, where each was set: a second one is an error, as in YAML. */
    private final Map<String, Location> sectionKeys = new HashMap<>();

    IniInventoryParser(InventoryBuilder inventory, Problems problems, int maxHosts) {
        this.inventory = inventory;
        this.problems = problems;
        this.maxHosts = maxHosts;
    }

    void parse(String text, String file) {
        Map<String, Pending> pending = new LinkedHashMap<>();
        String group = Group.UNGROUPED;
        String state = "hosts";
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String raw = lines[n];
            String line = raw.strip();
            Location at = new Location(file, n + 1, raw.indexOf(line.isEmpty() ? " " : line.substring(0, 1)) + 1);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (raw.indexOf('\0') >= 0) {
                // Ansible keeps it in the value; nothing a BMC takes has one, and C tools would cut the value there.
                problems.add(new Location(file, n + 1, raw.indexOf('\0') + 1), "NUL byte in the line");
                continue;
            }
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                group = section.group(1);
                sectionKeys.clear();
                state = section.group(2) == null ? "hosts" : section.group(2);
                if (!List.of("hosts", "vars", "children").contains(state)) {
                    problems.add(at, "section [" + group + ":" + state + "] has unknown type '" + state
                            + "' (hosts, vars or children)");
                    state = "skip";
                    continue;
                }
                if (!inventory.hasGroup(group)) {
                    if (state.equals("vars") && !pending.containsKey(group)) {
                        pending.put(group, new Pending(at, "vars", new ArrayList<>()));
                    }
                    inventory.group(group, at);
                }
                Pending waiting = pending.get(group);
                if (waiting != null && !state.equals("vars")) {
                    if (waiting.kind().equals("children")) {
                        addPendingChildren(group, pending);
                    } else {
                        pending.remove(group);
                    }
                }
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                problems.add(at, "invalid section header '" + line + "': a group name has no spaces, ':' or ']'");
                state = "skip";
                continue;
            }
            switch (state) {
                case "hosts" -> hostLine(raw, at, group);
                case "vars" -> varLine(line, at, group);
                case "children" -> {
                    Matcher name = GROUP_NAME.matcher(line);
                    if (!name.matches()) {
                        problems.add(at, "expected a group name in [" + group + ":children], found '" + line + "'");
                    } else if (!inventory.hasGroup(name.group(1))) {
                        pending.computeIfAbsent(name.group(1), c -> new Pending(at, "children", new ArrayList<>()))
                                .parents().add(group);
                    } else {
                        inventory.addChild(group, name.group(1), at);
                    }
                }
                default -> { }
            }
        }
        pending.forEach((name, p) -> problems.add(p.at(), p.kind().equals("vars")
                ? "[" + name + ":vars] is for group '" + name + "', which is not defined (add [" + name
                        + "] or list it under a [parent:children])"
                : "[" + p.parents().get(p.parents().size() - 1) + ":children] lists group '" + name
                        + "', which is not defined (add a [" + name + "] section)"));
    }

    private void addPendingChildren(String group, Map<String, Pending> pending) {
        Pending p = pending.remove(group);
        for (String parent : p.parents()) {
            inventory.addChild(parent, group, p.at());
            Pending up = pending.get(parent);
            if (up != null && up.kind().equals("children")) {
                addPendingChildren(parent, pending);
            }
        }
    }

    private void hostLine(String raw, Location at, String group) {
        List<ShellWords.Word> words;
        try {
            words = ShellWords.split(raw);
        } catch (IllegalArgumentException e) {
            problems.add(at, "cannot read host line: " + e.getMessage());
            return;
        }
        if (words.isEmpty()) {
            return;
        }
        String pattern = words.get(0).text();
        if (pattern.equals("---")) {
            problems.add(at, "'---' starts a YAML document: name the file .yml if it is a YAML inventory");
            return;
        }
        HostNames names;
        try {
            names = HostNames.expand(pattern, maxHosts);
        } catch (IllegalArgumentException e) {
            problems.add(at, e.getMessage());
            return;
        }
        Map<String, YamlValue> vars = new LinkedHashMap<>();
        Map<String, Location> set = new HashMap<>();
        names.port().ifPresent(p -> vars.put("ansible_port",
                new YamlScalar(Integer.toString(p), YamlScalar.Kind.INTEGER, (long) p, false, at)));
        for (ShellWords.Word w : words.subList(1, words.size())) {
            Location wordAt = new Location(at.file(), at.line(), w.column());
            int eq = w.text().indexOf('=');
            if (eq <= 0) {
                problems.add(wordAt, "expected key=value after the host name, found '" + w.text() + "'");
                return;
            }
            String key = w.text().substring(0, eq);
            if (twice(key, wordAt, set, "this host line")) {
                return;
            }
            vars.put(key, value(w.text().substring(eq + 1), wordAt.shifted(eq + 1)));
        }
        for (String host : names.names()) {
            if (!inventory.host(host, group, at)) {
                return;
            }
            vars.forEach((k, v) -> inventory.hostVar(host, k, v));
        }
    }

    private void varLine(String line, Location at, String group) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            problems.add(at, "expected key=value in [" + group + ":vars], found '" + line + "'");
            return;
        }
        String key = line.substring(0, eq).strip();
        if (key.isEmpty()) {
            problems.add(at, "expected key=value in [" + group + ":vars], found no key before '='");
            return;
        }
        if (twice(key, at, sectionKeys, "[" + group + ":vars]")) {
            return;
        }
        String rest = line.substring(eq + 1);
        String value = rest.strip();
        inventory.groupVar(group, key, value(value, at.shifted(eq + 1 + rest.indexOf(value.isEmpty() ? "" : value))));
    }

    /**
     * Ansible keeps the last of two settings silently; a YAML inventory refuses the duplicate key, and so does
     * this, since one of the two values is a mistake nobody sees.
     */
    private boolean twice(String key, Location at, Map<String, Location> seen, String where) {
        Location first = seen.putIfAbsent(key, at);
        if (first != null) {
            problems.add(at, "'" + key + "' is set twice in " + where + " (first at " + first.line() + ":"
                    + first.column() + ")");
        }
        return first != null;
    }

    private static YamlValue value(String text, Location at) {
        return PythonLiteral.parse(text, at).orElseGet(() -> YamlScalar.string(text, at));
    }
}
