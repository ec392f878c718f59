package io.ipmirunner.inventory;

import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.Problems;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The groups and hosts of all inventory sources while they are read, with Ansible's rules: a group's or
 * host's later variable wins, {@code ansible_group_priority} sets the group's priority instead of a variable,
 * a child edge that closes a loop is an error, and at the end every parentless group becomes a child of
 * {@code all} and every groupless host a member of {@code ungrouped}.
 */
final class InventoryBuilder {
    private static final String PRIORITY_VAR = "ansible_group_priority";

    /** A host as the sources described it, before group_vars/ and host_vars/ are merged in. */
    record RawHost(String name, Location at, Map<String, YamlValue> vars, Set<String> directGroups) {}

    private static final class Draft {
        final String name;
        final Location at;
        final Set<String> children = new LinkedHashSet<>();
        final List<String> parents = new ArrayList<>();
        final Set<String> hosts = new LinkedHashSet<>();
        final Map<String, YamlValue> vars = new LinkedHashMap<>();
        int priority = 1;

        Draft(String name, Location at) {
            this.name = name;
            this.at = at;
        }
    }

    private final Map<String, Draft> groups = new LinkedHashMap<>();
    private final Map<String, RawHost> hosts = new LinkedHashMap<>();
    private final Problems problems;
    private final int maxHosts;

    InventoryBuilder(Problems problems, int maxHosts) {
        this.problems = problems;
        this.maxHosts = maxHosts;
        Location start = new Location("<inventory>", 1, 1);
        group(Group.ALL, start);
        group(Group.UNGROUPED, start);
        addChild(Group.ALL, Group.UNGROUPED, start);
    }

    void group(String name, Location at) {
        groups.computeIfAbsent(name, n -> new Draft(n, at));
    }

    boolean hasGroup(String name) {
        return groups.containsKey(name);
    }

    /** Adds the host (once) to {@code group}; false when the inventory is already at its host limit. */
    boolean host(String name, String group, Location at) {
        if (!hosts.containsKey(name)) {
            if (hosts.size() >= maxHosts) {
                problems.add(at, "the inventory has more than " + maxHosts + " hosts (the limit; raise it with "
                        + "--max-inventory-hosts)");
                return false;
            }
            hosts.put(name, new RawHost(name, at, new LinkedHashMap<>(), new LinkedHashSet<>()));
        }
        if (group != null) {
            groups.get(group).hosts.add(name);
            hosts.get(name).directGroups().add(group);
        }
        return true;
    }

    void addChild(String parent, String child, Location at) {
        Draft p = groups.get(parent);
        Draft c = groups.get(child);
        if (parent.equals(child)) {
            problems.add(at, "group '" + child + "' cannot be a child of itself");
            return;
        }
        if (p.children.contains(child)) {
            return;
        }
        if (ancestors(parent).contains(child)) {
            problems.add(at, "adding group '" + child + "' as a child of '" + parent + "' makes a loop ('"
                    + child + "' is already an ancestor of '" + parent + "')");
            return;
        }
        p.children.add(child);
        c.parents.add(parent);
    }

    void groupVar(String group, String key, YamlValue value) {
        Draft g = groups.get(group);
        if (key.equals(PRIORITY_VAR)) {
            if (value instanceof YamlScalar s && s.text().strip().matches("-?[0-9]{1,9}")) {
                g.priority = Integer.parseInt(s.text().strip());
            } else {
                problems.add(value.at(), PRIORITY_VAR + " must be a whole number, found " + value.describe());
            }
            return;
        }
        g.vars.put(key, value);
    }

    void hostVar(String host, String key, YamlValue value) {
        hosts.get(host).vars().put(key, value);
    }

    private Set<String> ancestors(String group) {
        Set<String> out = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(groups.get(group).parents);
        while (!todo.isEmpty()) {
            String g = todo.remove(todo.size() - 1);
            if (out.add(g)) {
                todo.addAll(groups.get(g).parents);
            }
        }
        return out;
    }

    /** Ansible's reconcile_inventory: parentless groups under {@code all}, groupless hosts in {@code ungrouped}. */
    void reconcile() {
        for (Draft g : groups.values()) {
            if (!g.name.equals(Group.ALL) && g.parents.isEmpty()) {
                addChild(Group.ALL, g.name, g.at);
            }
        }
        for (RawHost h : hosts.values()) {
            Set<String> direct = h.directGroups();
            boolean onlyAll = direct.stream().allMatch(g -> g.equals(Group.ALL) || g.equals(Group.UNGROUPED));
            if (onlyAll) {
                host(h.name(), Group.UNGROUPED, h.at());
            } else if (direct.remove(Group.UNGROUPED)) {
                groups.get(Group.UNGROUPED).hosts.remove(h.name());
            }
        }
    }

    Map<String, Group> groups() {
        Map<String, Integer> depth = new HashMap<>();
        Map<String, Group> out = new LinkedHashMap<>();
        for (Draft d : groups.values()) {
            out.put(d.name, new Group(d.name, List.copyOf(d.children), d.parents, List.copyOf(d.hosts), d.vars,
                    depth(d.name, depth), d.priority, d.at));
        }
        return out;
    }

    Map<String, RawHost> hosts() {
        return hosts;
    }

    /** The longest path from {@code all}, as Ansible keeps it when it adds child groups. */
    private int depth(String group, Map<String, Integer> memo) {
        Integer known = memo.get(group);
        if (known != null) {
            return known;
        }
        int d = 0;
        for (String parent : groups.get(group).parents) {
            d = Math.max(d, depth(parent, memo) + 1);
        }
        memo.put(group, d);
        return d;
    }
}
