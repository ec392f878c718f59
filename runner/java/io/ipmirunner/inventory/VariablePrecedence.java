package io.ipmirunner.inventory;

import io.ipmirunner.yaml.YamlMap;
import io.ipmirunner.yaml.YamlValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges a host's inventory variables in Ansible's order (later wins; a mapping replaces a mapping whole, as
 * with Ansible's default {@code hash_behaviour=replace}):
 * <ol>
 *   <li>{@code all}'s vars from the inventory files</li>
 *   <li>the host's other groups' vars from the inventory files, groups sorted by depth, then
 *       {@code ansible_group_priority}, then name</li>
 *   <li>{@code group_vars/all} next to each inventory source, then next to the playbook</li>
 *   <li>{@code group_vars/GROUP} next to each inventory source, then next to the playbook, groups sorted as
 *       in 2</li>
 *   <li>the host's vars from the inventory files</li>
 *   <li>{@code host_vars/HOST} next to each inventory source, then next to the playbook</li>
 * </ol>
 * Play vars, vars_files, registered values, set_fact and {@code -e} come on top at run time, in that order.
 */
final class VariablePrecedence {
    private final Map<String, Group> groups;
    private final List<VarsDirectory> inventoryDirs;
    private final Optional<VarsDirectory> playbookDir;
    private final Map<List<String>, Map<String, YamlValue>> byGroupSet = new HashMap<>();

    VariablePrecedence(Map<String, Group> groups, List<VarsDirectory> inventoryDirs,
                       Optional<VarsDirectory> playbookDir) {
        this.groups = groups;
        this.inventoryDirs = inventoryDirs;
        this.playbookDir = playbookDir;
    }

    /** Every group the host is in, directly or through parents, without {@code all}, in merge order. */
    List<String> sortedGroups(Iterable<String> directGroups) {
        List<String> out = new ArrayList<>();
        List<String> todo = new ArrayList<>();
        directGroups.forEach(todo::add);
        while (!todo.isEmpty()) {
            String g = todo.remove(todo.size() - 1);
            if (!out.contains(g)) {
                out.add(g);
                todo.addAll(groups.get(g).parents());
            }
        }
        out.remove(Group.ALL);
        out.sort(Comparator.comparingInt((String g) -> groups.get(g).depth())
                .thenComparingInt(g -> groups.get(g).priority()).thenComparing(g -> g));
        return out;
    }

    Map<String, YamlValue> merge(InventoryBuilder.RawHost host, List<String> sortedGroups) {
        Map<String, YamlValue> vars = new LinkedHashMap<>(byGroupSet.computeIfAbsent(sortedGroups, this::groupPart));
        vars.putAll(host.vars());
        for (VarsDirectory d : dirs()) {
            d.hostVars(host.name()).forEach(m -> putAll(vars, m));
        }
        return vars;
    }

    /** Steps 1-4, shared by every host with the same groups (a rack's worth of hosts computes it once). */
    private Map<String, YamlValue> groupPart(List<String> sortedGroups) {
        Map<String, YamlValue> vars = new LinkedHashMap<>(groups.get(Group.ALL).vars());
        for (String g : sortedGroups) {
            vars.putAll(groups.get(g).vars());
        }
        for (VarsDirectory d : dirs()) {
            d.groupVars(Group.ALL).forEach(m -> putAll(vars, m));
        }
        for (VarsDirectory d : inventoryDirs) {
            groupFiles(d, sortedGroups, vars);
        }
        playbookDir.ifPresent(d -> groupFiles(d, sortedGroups, vars));
        return vars;
    }

    private static void groupFiles(VarsDirectory d, List<String> sortedGroups, Map<String, YamlValue> vars) {
        for (String g : sortedGroups) {
            d.groupVars(g).forEach(m -> putAll(vars, m));
        }
    }

    private List<VarsDirectory> dirs() {
        List<VarsDirectory> all = new ArrayList<>(inventoryDirs);
        playbookDir.ifPresent(all::add);
        return all;
    }

    private static void putAll(Map<String, YamlValue> vars, YamlMap m) {
        for (YamlMap.Member member : m.members()) {
            vars.put(member.name(), member.value());
        }
    }
}
