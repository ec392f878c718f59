package io.ipmirunner.run;

import io.ipmirunner.executor.Logins;
import io.ipmirunner.inventory.BmcConnection;
import io.ipmirunner.inventory.Host;
import io.ipmirunner.inventory.HostPattern;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.inventory.SecretSource;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.session.IpmiVersion;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Decrypter;
import io.ipmirunner.secret.DecryptionException;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.util.BoundedRead;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns inventory hosts into BMC targets. The inventory's connection variables win over the command line's
 * options, which act as defaults (as Ansible's host variables win over -u).
 */
public final class Targets {
    private Targets() {}

    /** The hosts a run works on: {@code pattern} narrowed by {@code --limit}; at least one. */
    public static List<Host> hosts(Inventory inventory, String pattern, Optional<HostPattern> limit) {
        List<Host> hosts;
        try {
            hosts = inventory.select(HostPattern.parse(pattern), limit);
        } catch (IllegalArgumentException e) {
            throw new SetupError("host pattern '" + pattern + "': " + e.getMessage());
        }
        if (hosts.isEmpty()) {
            int unlimited = limit.isEmpty() ? 0 : inventory.select(HostPattern.parse(pattern), Optional.empty()).size();
            throw new SetupError(unlimited > 0 ? "--limit '" + limit.get().text() + "' leaves none of the " + unlimited
                    + " hosts that '" + pattern + "' matches" : "host pattern '" + pattern + "' matches no host in "
                    + "the inventory");
        }
        return hosts;
    }

    /**
     * The targets of a run, the credential lists of the hosts that have one (their target holds the first), and
     * the simulated rack started for it (null when no host is simulated).
     */
    public record Selection(List<BmcTarget> targets, Map<String, List<Logins.Login>> logins, SimulatedRack rack)
            implements AutoCloseable {
        @Override
        public void close() {
            if (rack != null) {
                rack.close();
            }
        }
    }

    /**
     * Targets for {@code hosts} in inventory order; hosts with {@code ipmi_simulated: true} are BMCs started
     * here, in this process, first. A simulated BMC accepts the password made up for the run; a simulated host
     * that names its own password or credentials logs in with those, so a wrong one fails as on a real BMC.
     * {@code !vault} secrets are opened with {@code vault}.
     */
    public static Selection select(List<Host> hosts, SessionConfig defaults, int defaultPort, Decrypter vault) {
        List<Host> simulated = hosts.stream().filter(SimulatedRack::isSimulated).toList();
        SimulatedRack rack = simulated.isEmpty() ? null : SimulatedRack.start(simulated, defaults);
        Map<String, BmcTarget> started = new HashMap<>();
        if (rack != null) {
            rack.targets().forEach(t -> started.put(t.name(), t));
        }
        List<BmcTarget> out = new ArrayList<>(hosts.size());
        Map<String, List<Logins.Login>> logins = new HashMap<>();
        for (Host h : hosts) {
            BmcTarget sim = started.get(h.name());
            BmcConnection b = h.bmc();
            InetSocketAddress address = sim != null ? sim.address() : new InetSocketAddress(b.address(),
                    b.port() != BmcConnection.DEFAULT_PORT ? b.port() : defaultPort);
            SessionConfig d = sim != null ? sim.config() : defaults;
            if (!b.credentials().isEmpty()) {
                List<Logins.Login> list = b.credentials().stream().map(c -> new Logins.Login(c.label(),
                        timed(b, new BmcTarget(h.name(), address,
                                config(h.name(), b, c.user(), c.password(), c.kg(), d, vault))))).toList();
                logins.put(h.name(), list);
                out.add(list.getFirst().target());
            } else if (sim != null && b.password().isEmpty()) {
                out.add(timed(b, sim));
            } else {
                out.add(timed(b, new BmcTarget(h.name(), address,
                        config(h.name(), b, b.user(), b.password(), b.kg(), d, vault))));
            }
        }
        return new Selection(out, logins, rack);
    }

    /**
     * The inventory's {@code ipmi_timeout} bounds each exchange with that BMC; its
     * {@code ipmi_min_command_interval} paces the commands sent to it.
     */
    private static BmcTarget timed(BmcConnection b, BmcTarget t) {
        BmcTarget paced = b.minCommandInterval().map(t::withMinCommandInterval).orElse(t);
        return b.timeout().map(paced::withTimeout).orElse(paced);
    }

    private static SessionConfig config(String host, BmcConnection b, String user, Optional<SecretSource> password,
                                        Optional<SecretSource> kg, SessionConfig d, Decrypter vault) {
        String name = !user.isEmpty() ? user : b.user().isEmpty() ? d.username() : b.user();
        Secret pw = password.map(s -> resolve(host, "ipmi_password", s, vault)).orElse(d.password());
        SessionConfig c = new SessionConfig(name, pw, d.kg(), d.privilege(), d.privilegeExplicit(),
                d.cipherSuite(), d.version(), d.nameOnlyLookup(), d.v15AuthType(), b.workarounds());
        if (kg.isPresent()) {
            c = c.withKg(resolve(host, "ipmi_kg", kg.get(), vault));
        }
        if (b.privilege().isPresent()) {
            c = c.withPrivilege(b.privilege().get());
        }
        if (b.cipherSuite().isPresent()) {
            c = c.withCipherSuite(b.cipherSuite().getAsInt());
        }
        return b.version() != IpmiVersion.AUTO ? c.withVersion(b.version()) : c;
    }

    private static Secret resolve(String host, String variable, SecretSource source, Decrypter vault) {
        return switch (source) {
            case SecretSource.Plain p -> p.secret();
            case SecretSource.FromEnv e -> {
                String v = System.getenv(e.variable());
                if (v == null) {
                    throw new SetupError(e.at() + ": " + variable + " of " + host
                            + " names environment variable " + e.variable() + ", which is not set");
                }
                yield Secret.of(v, "env " + e.variable());
            }
            case SecretSource.FromFile f -> {
                try {
                    String v = BoundedRead.text(f.path(), BoundedRead.SECRET).replaceAll("[\\r\\n]+$", "");
                    yield Secret.of(v, "file " + f.path());
                } catch (IOException ex) {
                    throw new SetupError(f.at() + ": " + variable + " of " + host
                            + ": cannot read " + BoundedRead.problem(f.path(), ex));
                }
            }
            case SecretSource.Vault v -> {
                byte[] plain = null;
                try {
                    plain = vault.decrypt(v.value().envelope());
                    yield Secret.of(plain, "vault " + v.value().vaultId());
                } catch (DecryptionException e) {
                    throw new SetupError(v.value().at() + ": " + variable + " of " + host
                            + ": " + e.getMessage());
                } finally {
                    if (plain != null) {
                        java.util.Arrays.fill(plain, (byte) 0);
                    }
                }
            }
        };
    }
}
