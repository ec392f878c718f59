package io.ipmirunner.cli;

import io.ipmirunner.inventory.Host;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fleet.Addressing;
import io.ipmirunner.sim.fleet.BmcPlan;
import io.ipmirunner.sim.fleet.FleetGroup;
import io.ipmirunner.sim.fleet.FleetHost;
import io.ipmirunner.sim.fleet.FleetPlanner;
import io.ipmirunner.sim.lan.LanServices;
import io.ipmirunner.sim.model.UserTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded default: inventory hosts with {@code ipmi_simulated: true} are BMCs that ipmi-runner starts
 * itself, in this process, on 127.0.0.1 (one ephemeral UDP port each), with a password made up for the run.
 * So {@code inventory-examples/simulated-rack.yml} needs nothing else running.
 */
final class SimulatedRack implements AutoCloseable {
    static final String VARIABLE = "ipmi_simulated";

    private final FleetHost fleet;
    private final List<BmcTarget> targets;

    private SimulatedRack(FleetHost fleet, List<BmcTarget> targets) {
        this.fleet = fleet;
        this.targets = targets;
    }

    static boolean isSimulated(Host h) {
        return Boolean.TRUE.equals(h.plainVars().get(VARIABLE));
    }

    /** Starts one simulated BMC per host, named after it, and returns targets that log in to them. */
    static SimulatedRack start(List<Host> hosts, SessionConfig defaults) {
        Secret password = Secret.of(SimCommand.generatedPassword(), "simulated rack");
        String user = hosts.getFirst().bmc().user().isEmpty() ? "admin" : hosts.getFirst().bmc().user();
        var group = new FleetGroup("rack", hosts.size(), "mixed",
                BmcSettings.DEFAULTS.withPowerOnDelay(2000).withInitiallyOn(false), FaultProfile.NONE, 0);
        List<BmcPlan> plans = FleetPlanner.plan(List.of(group), new Addressing.BasePort("127.0.0.1", 0),
                UserTable.standard(user, password), 1);
        FleetHost fleet = FleetHost.start(plans, LanServices.seeded(1), 1);
        SessionConfig login = new SessionConfig(user, password, Secret.empty(), defaults.privilege(),
                defaults.privilegeExplicit(), defaults.cipherSuite(), defaults.version(), defaults.nameOnlyLookup(),
                defaults.v15AuthType());
        List<BmcTarget> targets = new ArrayList<>(hosts.size());
        for (int i = 0; i < hosts.size(); i++) {
            targets.add(new BmcTarget(hosts.get(i).name(), fleet.address(i), login));
        }
        return new SimulatedRack(fleet, targets);
    }

    List<BmcTarget> targets() {
        return targets;
    }

    @Override
    public void close() {
        fleet.close();
    }
}
