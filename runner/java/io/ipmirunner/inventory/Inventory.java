package io.ipmirunner.inventory;

import io.ipmirunner.yaml.Problem;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A loaded inventory: hosts in the order the sources named them, groups with their direct members, and each
 * group's full host list ({@code members}: its own hosts, then its descendants' level by level, Ansible's
 * order for a pattern naming the group). Immutable; {@code warnings} are things worth saying that do not stop
 * a run (a skipped vault-encrypted vars file, an {@code ansible_host} without an {@code ipmi_host}).
 */
public record Inventory(Map<String, Host> hosts, Map<String, Group> groups, Map<String, List<String>> members,
                        List<String> sources, List<Problem> warnings) {
    public Inventory {
        hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        sources = List.copyOf(sources);
        warnings = List.copyOf(warnings);
    }

    /** Reads inventory sources; see {@link InventoryLoader}. */
    public static Inventory load(List<String> sources, InventoryLoader.Options options) {
        return InventoryLoader.load(sources, options);
    }

    static Inventory of(Map<String, Host> hosts, Map<String, Group> groups, List<String> sources,
                        List<Problem> warnings) {
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (String g : groups.keySet()) {
            members.put(g, List.copyOf(membersOf(g, groups)));
        }
        return new Inventory(hosts, groups, members, sources, warnings);
    }

    public Optional<Host> host(String name) {
        return Optional.ofNullable(hosts.get(name));
    }

    public Optional<Group> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    /** The hosts a pattern selects, narrowed by {@code --limit} when given. */
    public List<Host> select(HostPattern pattern, Optional<HostPattern> limit) {
        List<String> names = pattern.match(this);
        if (limit.isPresent()) {
            Set<String> allowed = new LinkedHashSet<>(limit.get().match(this));
            names = names.stream().filter(allowed::contains).toList();
        }
        return names.stream().map(hosts::get).toList();
    }

    /** The directory of the first source, Ansible's {@code inventory_dir}. */
    public String inventoryDir() {
        if (sources.isEmpty()) {
            return "";
        }
        Path p = Path.of(sources.get(0)).toAbsolutePath();
        return (java.nio.file.Files.isDirectory(p) ? p : p.getParent()).toString();
    }

    /** Every host's variables by name (Ansible's {@code hostvars}), each computed when asked for. */
    public Map<String, Map<String, Object>> hostvars() {
        return new AbstractMap<>() {
            @Override
            public Map<String, Object> get(Object key) {
                Host h = hosts.get(key);
                return h == null ? null : h.plainVars();
            }

            @Override
            public boolean containsKey(Object key) {
                return hosts.containsKey(key);
            }

            @Override
            public Set<Entry<String, Map<String, Object>>> entrySet() {
                Set<Entry<String, Map<String, Object>>> out = new LinkedHashSet<>();
                hosts.forEach((k, h) -> out.add(new SimpleImmutableEntry<>(k, h.plainVars())));
                return out;
            }
        };
    }

    private static Set<String> membersOf(String group, Map<String, Group> groups) {
        Set<String> hosts = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> level = List.of(group);
        while (!level.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String g : level) {
                if (seen.add(g)) {
                    hosts.addAll(groups.get(g).hosts());
                    next.addAll(groups.get(g).children());
                }
            }
            level = next;
        }
        return hosts;
    }
}
