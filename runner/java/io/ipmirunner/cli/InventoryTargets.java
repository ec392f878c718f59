package io.ipmirunner.cli;

import io.ipmirunner.inventory.BmcConnection;
import io.ipmirunner.inventory.Host;
import io.ipmirunner.inventory.HostPattern;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.inventory.SecretSource;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.session.IpmiVersion;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Secret;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns inventory hosts into BMC targets for exec. The inventory's connection variables win over the
 * command line's options, which act as defaults (as Ansible's host variables win over -u).
 */
final class InventoryTargets {
    private InventoryTargets() {}

    static List<Host> hosts(Inventory inventory, String pattern, Optional<HostPattern> limit) {
        List<Host> hosts;
        try {
            hosts = inventory.select(HostPattern.parse(pattern), limit);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "host pattern '" + pattern + "': " + e.getMessage());
        }
        if (hosts.isEmpty()) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "host pattern '" + pattern + "' matches no host in the inventory");
        }
        return hosts;
    }

    /** The targets of a run, and the simulated rack started for it (null when no host is simulated). */
    record Selection(List<BmcTarget> targets, SimulatedRack rack) implements AutoCloseable {
        @Override
        public void close() {
            if (rack != null) {
                rack.close();
            }
        }
    }

    /**
     * Targets for {@code hosts} in inventory order; hosts with {@code ipmi_simulated: true} are BMCs started
     * here, in this process, first.
     */
    static Selection select(List<Host> hosts, SessionConfig defaults, int defaultPort) {
        List<Host> simulated = hosts.stream().filter(SimulatedRack::isSimulated).toList();
        SimulatedRack rack = simulated.isEmpty() ? null : SimulatedRack.start(simulated, defaults);
        Map<String, BmcTarget> started = new HashMap<>();
        if (rack != null) {
            rack.targets().forEach(t -> started.put(t.name(), t));
        }
        List<BmcTarget> out = new ArrayList<>(hosts.size());
        for (Host h : hosts) {
            BmcTarget t = started.get(h.name());
            out.add(t != null ? t : target(h, defaults, defaultPort));
        }
        return new Selection(out, rack);
    }

    private static BmcTarget target(Host h, SessionConfig defaults, int defaultPort) {
        BmcConnection b = h.bmc();
        int port = b.port() != BmcConnection.DEFAULT_PORT ? b.port() : defaultPort;
        BmcTarget t = new BmcTarget(h.name(), new InetSocketAddress(b.address(), port), config(h.name(), b, defaults));
        return b.timeout().map(t::withTimeout).orElse(t);
    }

    private static SessionConfig config(String host, BmcConnection b, SessionConfig d) {
        String user = b.user().isEmpty() ? d.username() : b.user();
        Secret password = b.password().map(s -> resolve(host, "ipmi_password", s)).orElse(d.password());
        SessionConfig c = new SessionConfig(user, password, d.kg(), d.privilege(), d.privilegeExplicit(),
                d.cipherSuite(), d.version(), d.nameOnlyLookup(), d.v15AuthType());
        if (b.kg().isPresent()) {
            c = c.withKg(resolve(host, "ipmi_kg", b.kg().get()));
        }
        if (b.privilege().isPresent()) {
            c = c.withPrivilege(b.privilege().get());
        }
        if (b.cipherSuite().isPresent()) {
            c = c.withCipherSuite(b.cipherSuite().getAsInt());
        }
        return b.version() != IpmiVersion.AUTO ? c.withVersion(b.version()) : c;
    }

    private static Secret resolve(String host, String variable, SecretSource source) {
        return switch (source) {
            case SecretSource.Plain p -> p.secret();
            case SecretSource.FromEnv e -> {
                String v = System.getenv(e.variable());
                if (v == null) {
                    throw new UserError(ExitCodes.BAD_OPTIONS, e.at() + ": " + variable + " of " + host
                            + " names environment variable " + e.variable() + ", which is not set");
                }
                yield Secret.of(v, "env " + e.variable());
            }
            case SecretSource.FromFile f -> {
                try {
                    String v = Files.readString(f.path()).replaceAll("[\\r\\n]+$", "");
                    yield Secret.of(v, "file " + f.path());
                } catch (IOException ex) {
                    throw new UserError(ExitCodes.BAD_OPTIONS, f.at() + ": " + variable + " of " + host
                            + ": cannot read " + f.path());
                }
            }
            case SecretSource.Vault v -> throw new UserError(ExitCodes.BAD_OPTIONS, v.value().at() + ": " + variable
                    + " of " + host + " is a !vault value; decrypting vault values is not supported yet");
        };
    }
}
