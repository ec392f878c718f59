package io.ipmirunner.run;

import io.ipmirunner.inventory.Host;
import io.ipmirunner.ipmi.crypto.Ipmi15AuthCode;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Quirk;
import io.ipmirunner.sim.fleet.Addressing;
import io.ipmirunner.sim.fleet.BmcPlan;
import io.ipmirunner.sim.fleet.FleetGroup;
import io.ipmirunner.sim.fleet.FleetHost;
import io.ipmirunner.sim.fleet.FleetPlanner;
import io.ipmirunner.sim.lan.LanServices;
import io.ipmirunner.sim.model.UserTable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The embedded default: inventory hosts with {@code ipmi_simulated: true} are BMCs that ipmi-runner starts
 * itself, in this process, on 127.0.0.1 (one ephemeral UDP port each), with a password made up for the run
 * (the "factory" password of a bring-up: a credential entry without a password logs in with it).
 * So {@code inventory-examples/simulated-rack.yml} needs nothing else running.
 */
public final class SimulatedRack implements AutoCloseable {
    static final String VARIABLE = "ipmi_simulated";
    /**
     * A rack as a fleet audit wants it, so that fleet-audit.yml runs green on it: no cipher suite without
     * authentication, IPMI v1.5 MD5 only. The insecure-auth quirk adds suite 0, none, MD2 and straight back.
     */
    private static final BmcSettings HARDENED = BmcSettings.DEFAULTS.withCipherSuites(List.of(1, 2, 3, 17))
            .withV15AuthTypes(1 << Ipmi15AuthCode.MD5);

    private final FleetHost fleet;
    private final List<BmcTarget> targets;

    private SimulatedRack(FleetHost fleet, List<BmcTarget> targets) {
        this.fleet = fleet;
        this.targets = targets;
    }

    public static boolean isSimulated(Host h) {
        return Boolean.TRUE.equals(h.plainVars().get(VARIABLE));
    }

    /** Starts one simulated BMC per host, named after it, and returns targets that log in to them. */
    static SimulatedRack start(List<Host> hosts, SessionConfig defaults) {
        Secret password = Secret.of(UserTable.generatedPassword(), "simulated rack");
        String user = hosts.getFirst().bmc().user().isEmpty() ? "admin" : hosts.getFirst().bmc().user();
        List<BmcPlan> plans = FleetPlanner.plan(groups(hosts), new Addressing.BasePort("127.0.0.1", 0),
                UserTable.standard(user, password), 1);
        FleetHost fleet = FleetHost.start(plans, LanServices.seeded(1), 1);
        SessionConfig login = new SessionConfig(user, password, Secret.empty(), defaults.privilege(),
                defaults.privilegeExplicit(), defaults.cipherSuite(), defaults.version(), defaults.nameOnlyLookup(),
                defaults.v15AuthType(), defaults.workarounds());
        List<BmcTarget> targets = new ArrayList<>(hosts.size());
        for (int i = 0; i < hosts.size(); i++) {
            targets.add(new BmcTarget(hosts.get(i).name(), fleet.address(i), login));
        }
        return new SimulatedRack(fleet, targets);
    }

    /**
     * One group per run of hosts that share {@code ipmi_sim_quirks} (quirk names as {@code sim --quirk} takes
     * them) and {@code ipmi_sim_power} (on|off, default off; YAML reads a bare on as true), so the plan's
     * order stays the hosts' order.
     */
    private static List<FleetGroup> groups(List<Host> hosts) {
        List<FleetGroup> out = new ArrayList<>();
        String key = null;
        int count = 0;
        for (int i = 0; i <= hosts.size(); i++) {
            String k = i < hosts.size() ? quirks(hosts.get(i)) + "/" + poweredOn(hosts.get(i)) : null;
            if (count > 0 && !Objects.equals(k, key)) {
                Host h = hosts.get(i - 1);
                out.add(new FleetGroup("rack" + out.size(), count, "mixed", HARDENED
                        .withPowerOnDelay(2000).withInitiallyOn(poweredOn(h)), FaultProfile.NONE.withQuirks(quirks(h)),
                        0));
                count = 0;
            }
            key = k;
            count++;
        }
        return out;
    }

    private static Set<Quirk> quirks(Host h) {
        Object v = h.plainVars().get("ipmi_sim_quirks");
        List<String> names = v instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : v == null ? List.of() : List.of(String.valueOf(v).split(","));
        Set<Quirk> out = EnumSet.noneOf(Quirk.class);
        for (String n : names) {
            out.add(Quirk.parse(n).orElseThrow(() -> new SetupError(h.name()
                    + ": ipmi_sim_quirks: unknown quirk '" + n.trim() + "'")));
        }
        return out;
    }

    private static boolean poweredOn(Host h) {
        Object v = h.plainVars().get("ipmi_sim_power");
        return Boolean.TRUE.equals(v) || "on".equals(String.valueOf(v));
    }

    List<BmcTarget> targets() {
        return targets;
    }

    @Override
    public void close() {
        fleet.close();
    }
}
