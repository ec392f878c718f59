package io.ipmirunner.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code inventory --list} and {@code --graph} in {@code ansible-inventory}'s shapes, so tools (and eyes)
 * used to one read the other: {@code --list} is {@code {"_meta": {"hostvars": ...}, GROUP: {"hosts": [...],
 * "children": [...]}}} with empty parts left out; {@code --graph} is the {@code @group:} tree. Secret values
 * print as their mask.
 */
public final class InventoryListing {
    private InventoryListing() {}

    /** The JSON-ready listing; with a limit, only the hosts it selects. */
    public static Map<String, Object> list(Inventory inventory, Optional<HostPattern> limit) {
        Set<String> shown = new LinkedHashSet<>(limit.map(l -> l.match(inventory))
                .orElse(List.copyOf(inventory.hosts().keySet())));
        Map<String, Object> out = new TreeMap<>();
        Set<String> seen = new LinkedHashSet<>();
        group(inventory, Group.ALL, shown, seen, out);
        Map<String, Object> hostvars = new TreeMap<>();
        for (String h : shown) {
            Map<String, Object> vars = new TreeMap<>(inventory.hosts().get(h).plainVars());
            if (!vars.isEmpty()) {
                hostvars.put(h, vars);
            }
        }
        out.put("_meta", Map.of("hostvars", hostvars));
        return out;
    }

    private static void group(Inventory inventory, String name, Set<String> shown, Set<String> seen,
                              Map<String, Object> out) {
        if (!seen.add(name)) {
            return;
        }
        Group g = inventory.groups().get(name);
        Map<String, Object> entry = new LinkedHashMap<>();
        List<String> hosts = g.hosts().stream().filter(shown::contains).toList();
        if (!name.equals(Group.ALL) && !hosts.isEmpty()) {
            entry.put("hosts", hosts);
        }
        if (!g.children().isEmpty()) {
            entry.put("children", g.children());
        }
        if (!entry.isEmpty()) {
            out.put(name, entry);
        }
        for (String child : g.children()) {
            group(inventory, child, shown, seen, out);
        }
    }

    /** The tree under {@code start} as {@code ansible-inventory --graph} draws it; with variables when asked. */
    public static String graph(Inventory inventory, String start, boolean withVars) {
        Group g = inventory.group(start).orElseThrow(() -> new IllegalArgumentException(
                "--graph takes a group name; there is no group '" + start + "'"));
        List<String> lines = new ArrayList<>();
        graph(inventory, g, 0, withVars, lines);
        return String.join("\n", lines);
    }

    private static void graph(Inventory inventory, Group g, int depth, boolean withVars, List<String> lines) {
        lines.add(indent("@" + g.name() + ":", depth));
        for (String child : g.children()) {
            graph(inventory, inventory.groups().get(child), depth + 1, withVars, lines);
        }
        if (!g.name().equals(Group.ALL)) {
            for (String h : g.hosts()) {
                lines.add(indent(h, depth + 1));
                if (withVars) {
                    vars(inventory.hosts().get(h).plainVars(), depth + 2, lines);
                }
            }
        }
        if (withVars) {
            Map<String, Object> groupVars = new LinkedHashMap<>();
            g.vars().forEach((k, v) -> groupVars.put(k, SecretVars.isSecretName(k)
                    ? io.ipmirunner.secret.Secret.MASK : v.toPlain()));
            vars(groupVars, depth + 1, lines);
        }
    }

    private static void vars(Map<String, Object> vars, int depth, List<String> lines) {
        new TreeMap<>(vars).forEach((k, v) -> lines.add(indent("{" + k + " = " + v + "}", depth)));
    }

    private static String indent(String name, int depth) {
        return depth == 0 ? name : "  |".repeat(depth) + "--" + name;
    }
}
