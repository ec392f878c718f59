package io.ipmirunner.inventory;

import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.Problems;
import io.ipmirunner.yaml.Suggestions;
import io.ipmirunner.yaml.YamlMap;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import java.util.List;
import java.util.Optional;

/**
 * Ansible's YAML inventory: top-level keys are groups; a group holds {@code hosts} (host pattern → variables),
 * {@code children} (group name → group) and {@code vars}. Where Ansible warns and skips (an unknown key in a
 * group, a group that is not a mapping) this is an error: a typo there silently drops hosts from a run.
 */
final class YamlInventoryParser {
    private static final List<String> GROUP_KEYS = List.of("hosts", "children", "vars");

    private final InventoryBuilder inventory;
    private final Problems problems;
    private final int maxHosts;

    YamlInventoryParser(InventoryBuilder inventory, Problems problems, int maxHosts) {
        this.inventory = inventory;
        this.problems = problems;
        this.maxHosts = maxHosts;
    }

    void parse(YamlValue document) {
        if (document instanceof YamlScalar s && s.isNull()) {
            problems.add(document.at(), "the inventory file is empty");
            return;
        }
        if (!(document instanceof YamlMap top)) {
            problems.add(document.at(), "a YAML inventory must be a mapping of group names (all:, children:, "
                    + "hosts:, vars:), found " + document.describe());
            return;
        }
        if (top.has("plugin")) {
            problems.add(top.member("plugin").orElseThrow().key().at(), "inventory plugin configurations "
                    + "(plugin: ...) are not supported; write the hosts and groups out");
            return;
        }
        for (YamlMap.Member m : top.members()) {
            name(m.key(), "group name").ifPresent(g -> group(g, m.value()));
        }
    }

    private void group(String name, YamlValue body) {
        inventory.group(name, body.at());
        if (body instanceof YamlScalar s && s.isNull()) {
            return;
        }
        if (!(body instanceof YamlMap map)) {
            problems.add(body.at(), "group '" + name + "' must be a mapping with hosts, children or vars, found "
                    + body.describe());
            return;
        }
        // Written order, as Ansible: it decides the order hosts join the inventory.
        for (YamlMap.Member m : map.members()) {
            switch (m.name()) {
                case "vars" -> section(m.value(), "vars", name).ifPresent(vars -> {
                    for (YamlMap.Member v : vars.members()) {
                        inventory.groupVar(name, v.name(), v.value());
                    }
                });
                case "children" -> section(m.value(), "children", name).ifPresent(children -> {
                    for (YamlMap.Member c : children.members()) {
                        name(c.key(), "group name").ifPresent(child -> {
                            group(child, c.value());
                            inventory.addChild(name, child, c.key().at());
                        });
                    }
                });
                case "hosts" -> section(m.value(), "hosts", name).ifPresent(hosts -> {
                    for (YamlMap.Member h : hosts.members()) {
                        name(h.key(), "host name").ifPresent(p -> hosts(p, h.key().at(), h.value(), name));
                    }
                });
                default -> problems.add(m.key().at(), "unknown key '" + m.name() + "' in group '" + name + "'"
                        + hint(m.name()));
            }
        }
    }

    private void hosts(String pattern, Location at, YamlValue vars, String group) {
        HostNames names;
        try {
            names = HostNames.expand(pattern, maxHosts);
        } catch (IllegalArgumentException e) {
            problems.add(at, e.getMessage());
            return;
        }
        if (!(vars instanceof YamlMap) && !(vars instanceof YamlScalar s && s.isNull())) {
            problems.add(vars.at(), "variables of host '" + pattern + "' must be a mapping, found " + vars.describe());
            return;
        }
        for (String host : names.names()) {
            if (!inventory.host(host, group, at)) {
                return;
            }
            names.port().ifPresent(p -> inventory.hostVar(host, "ansible_port",
                    new YamlScalar(Integer.toString(p), YamlScalar.Kind.INTEGER, (long) p, false, at)));
            if (vars instanceof YamlMap m) {
                for (YamlMap.Member v : m.members()) {
                    inventory.hostVar(host, v.name(), v.value());
                }
            }
        }
    }

    /** {@code hosts}, {@code children} or {@code vars}: a mapping, nothing, or (hosts, children) one bare name. */
    private Optional<YamlMap> section(YamlValue v, String key, String groupName) {
        if (v instanceof YamlMap m) {
            return Optional.of(m);
        }
        if (v instanceof YamlScalar s && s.isNull()) {
            return Optional.empty();
        }
        if (v instanceof YamlScalar s && !key.equals("vars")) {
            return Optional.of(new YamlMap(List.of(new YamlMap.Member(s,
                    new YamlScalar("", YamlScalar.Kind.NULL, null, true, s.at()))), s.at()));
        }
        problems.add(v.at(), "'" + key + "' in group '" + groupName + "' must be a mapping, found " + v.describe());
        return Optional.empty();
    }

    /** A host or group name: a string, not a number or a YAML 1.1 boolean or null. */
    private Optional<String> name(YamlScalar key, String what) {
        switch (key.kind()) {
            case STRING -> {
                return Optional.of(key.text());
            }
            case BOOLEAN -> problems.add(key.at(), what + " '" + key.text() + "' is read by YAML 1.1 as the boolean "
                    + key.value() + ": quote it (\"" + key.text() + "\")");
            case NULL -> problems.add(key.at(), what + " is empty (null)");
            default -> problems.add(key.at(), what + " '" + key.text() + "' is read by YAML as "
                    + (key.kind() == YamlScalar.Kind.TIMESTAMP ? "a date" : "a number") + ": quote it (\""
                    + key.text() + "\")");
        }
        return Optional.empty();
    }

    private static String hint(String key) {
        String s = Suggestions.hint(key, GROUP_KEYS);
        return s.isEmpty() ? " (a group holds hosts, children and vars)" : s;
    }
}
