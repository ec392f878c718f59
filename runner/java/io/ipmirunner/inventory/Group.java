package io.ipmirunner.inventory;

import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.YamlValue;
import java.util.List;
import java.util.Map;

/**
 * An inventory group as Ansible builds it: direct child groups and hosts in the order they were written, the
 * variables the inventory file gave it (group_vars/ files are merged per host, not here), and the two numbers
 * Ansible orders group variables by: {@code depth} (longest path from {@code all}) and {@code priority}
 * ({@code ansible_group_priority}, default 1).
 */
public record Group(String name, List<String> children, List<String> parents, List<String> hosts,
                    Map<String, YamlValue> vars, int depth, int priority, Location at) {
    public static final String ALL = "all";
    public static final String UNGROUPED = "ungrouped";

    public Group {
        children = List.copyOf(children);
        parents = List.copyOf(parents);
        hosts = List.copyOf(hosts);
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
    }
}
