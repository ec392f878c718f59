package io.ipmirunner.run;

import io.ipmirunner.inventory.BmcConnection;
import io.ipmirunner.inventory.Group;
import io.ipmirunner.inventory.Host;
import io.ipmirunner.inventory.HostSpec;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.yaml.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Inventories made in memory for exec: from a literal host list, and with its {@code --retries} filled in. */
public final class HostLists {
    private HostLists() {}

    /**
     * {@code 127.0.1.[1:24]} or {@code bmc01,10.0.0.5:6230} as an inventory of ungrouped hosts, each named as
     * written: {@code 127.0.0.1:6230} and {@code 127.0.0.1:6231} are two BMCs, not one host with a port
     * variable (the inventory loader's comma list would make them one).
     */
    public static Inventory literal(String list, int maxHosts) {
        List<HostSpec> specs;
        try {
            specs = HostSpec.parseList(list, maxHosts);
        } catch (IllegalArgumentException e) {
            throw new SetupError(e.getMessage());
        }
        Location at = Location.commandLine("PATTERN");
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (HostSpec h : specs) {
            BmcConnection d = BmcConnection.defaults(h.address());
            BmcConnection bmc = new BmcConnection(d.address(), h.port().orElse(d.port()), d.user(), d.password(),
                    d.kg(), d.cipherSuite(), d.privilege(), d.timeout(), d.retries(), d.version(), d.credentials(),
                    d.minCommandInterval(), d.workarounds());
            hosts.put(h.name(), new Host(h.name(), List.of(Group.UNGROUPED), Map.of(), bmc, at));
        }
        List<String> names = List.copyOf(hosts.keySet());
        Map<String, Group> groups = new LinkedHashMap<>();
        groups.put(Group.ALL, new Group(Group.ALL, List.of(Group.UNGROUPED), List.of(), List.of(), Map.of(), 0, 1,
                at));
        groups.put(Group.UNGROUPED, new Group(Group.UNGROUPED, List.of(), List.of(Group.ALL), names, Map.of(), 1, 1,
                at));
        return new Inventory(hosts, groups, Map.of(Group.ALL, names, Group.UNGROUPED, names), List.of(), List.of());
    }

    /**
     * The inventory with {@code retries} as the {@code ipmi_retries} of every host that sets none: the runner
     * tries a host's module call again that often when the BMC did not answer.
     */
    public static Inventory withRetries(Inventory inventory, int retries) {
        if (retries <= 0) {
            return inventory;
        }
        Map<String, Host> hosts = new LinkedHashMap<>();
        inventory.hosts().forEach((name, h) -> {
            BmcConnection b = h.bmc();
            hosts.put(name, b.retries().isPresent() ? h : new Host(name, h.groupNames(), h.vars(),
                    new BmcConnection(b.address(), b.port(), b.user(), b.password(), b.kg(), b.cipherSuite(),
                            b.privilege(), b.timeout(), OptionalInt.of(retries), b.version(), b.credentials(),
                            b.minCommandInterval(), b.workarounds()),
                    h.at()));
        });
        return new Inventory(hosts, inventory.groups(), inventory.members(), inventory.sources(),
                inventory.warnings());
    }
}
