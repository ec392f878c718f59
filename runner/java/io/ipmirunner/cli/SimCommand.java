package io.ipmirunner.cli;

import io.ipmirunner.util.BoundedRead;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Latency;
import io.ipmirunner.sim.fleet.Addressing;
import io.ipmirunner.sim.fleet.BmcPlan;
import io.ipmirunner.sim.fleet.FleetFile;
import io.ipmirunner.sim.fleet.FleetGroup;
import io.ipmirunner.sim.fleet.FleetHost;
import io.ipmirunner.sim.fleet.FleetPlanner;
import io.ipmirunner.sim.fleet.GroupKeys;
import io.ipmirunner.sim.fleet.InventoryWriter;
import io.ipmirunner.sim.fleet.StopSignals;
import io.ipmirunner.sim.lan.LanServices;
import io.ipmirunner.sim.model.UserTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sim}: hosts simulated BMCs in this JVM until SIGINT/SIGTERM. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Run simulated BMCs (IPMI v2.0 RMCP+ and v1.5 over UDP) until stopped.",
                "One UDP socket per BMC: N BMCs need about N + 128 file descriptors (ulimit -n).",
                "The password comes from --password-file, else $IPMI_PASSWORD, else is generated."})
public final class SimCommand implements Callable<Integer> {
    @Option(names = "--count", paramLabel = "N", description = "number of BMCs (default 1, or one per --addresses)")
    Integer count;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "address for --base-port (default ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--base-port", paramLabel = "P", defaultValue = "9001",
            description = "BMC i listens on P+i (default ${DEFAULT-VALUE}; 0 = ephemeral ports)")
    int basePort;

    @Option(names = "--addresses", paramLabel = "RANGE",
            description = "one address per BMC instead, e.g. 127.0.1.[1:100] (every 127.x.y.z works here)")
    String addresses;

    @Option(names = "--port", paramLabel = "P", defaultValue = "623",
            description = "port for --addresses (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--fleet", paramLabel = "FILE", description = "groups with their own personality and faults")
    Path fleetFile;

    @Option(names = "--personality", paramLabel = "NAME", defaultValue = "generic",
            description = "generic, dell, hpe, supermicro, lenovo, or mixed (default ${DEFAULT-VALUE})")
    String personality;

    @Option(names = "--latency", paramLabel = "MS", description = "reply delay: MS, MIN-MAX or exp:MEAN")
    String latency;

    @Option(names = "--rakp-latency", paramLabel = "MS",
            description = "delay of the RAKP 2 reply (a password check, e.g. PAM): MS, MIN-MAX or exp:MEAN")
    String rakpLatency;

    @Option(names = "--loss", paramLabel = "P", defaultValue = "0", description = "packet loss probability")
    double loss;

    @Option(names = "--busy-rate", paramLabel = "P", defaultValue = "0",
            description = "share of commands answered 0xC0 (node busy)")
    double busyRate;

    @Option(names = "--dead", paramLabel = "P", defaultValue = "0", description = "share of BMCs that never answer")
    double dead;

    @Option(names = "--quirk", paramLabel = "Q", description = "ignores-persistent-boot-flags, ignores-boot-flags, "
            + "suite-3-only, ipmi-15-only, bad-fru-checksum, insecure-auth, ignores-set-password, failed-fan, "
            + "bad-reply-checksum, suite0-rakp4-icv, bad-auth-capabilities, swapped-v15-sequence, "
            + "open-session-privilege-keys, long-rakp2-code, zero-v15-session-id, "
            + "unexpected-v15-auth, v15-per-message-auth-required, blank-v15-reply-auth-code, intel20-rakp, "
            + "sol-port-elsewhere, wrong-sol-port, swapped-sol-payload-size, stuck-sol-sequence, repeated-sol-sequence, "
            + "no-sol-activation-status, no-channel-payload-support, sol-stalls-when-alerts-fail (repeatable)")
    List<String> quirks = new ArrayList<>();

    @Option(names = "--sessions", paramLabel = "N", defaultValue = "4", description = "session slots per BMC")
    int sessions;

    @Option(names = "--power-on-delay", paramLabel = "MS", defaultValue = "2000",
            description = "time from power-on to power reading on")
    long powerOnDelay;

    @Option(names = "--seed", paramLabel = "N", description = "seed for serial numbers and faults (default 1)")
    Long seed;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "admin", description = "administrator user name")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "file whose first line is the password")
    Path passwordFile;

    @Option(names = "--write-inventory", paramLabel = "FILE", description = "write an inventory of the fleet (0600)")
    Path inventory;

    /** The fleet to start: its BMCs, how they are addressed, and the seed. */
    private record Fleet(List<BmcPlan> plans, Addressing addressing, long seed) {}

    @Override
    public Integer call() {
        String password = password();
        Fleet fleet = plan(password);
        FleetHost host;
        try {
            host = FleetHost.start(fleet.plans(), LanServices.seeded(fleet.seed()), fleet.seed());
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new UserError(ExitCodes.ERROR, e.getMessage());
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (host) {
            if (!StopSignals.install(stop)) {
                Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(host::close));
            }
            if (inventory != null) {
                writeInventory(host, password);
            }
            long unreachable = fleet.plans().stream().filter(p -> p.profile().faults().unreachable()).count();
            System.out.println("sim: " + fleet.plans().size() + " BMCs ready on "
                    + fleet.addressing().describe(fleet.plans().size()) + " (user " + user
                    + (unreachable > 0 ? ", " + unreachable + " unreachable" : "") + ")");
            System.out.flush();
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        FleetHost.Stats s = host.stats();
        System.err.println("sim: stopped; " + s.received() + " datagrams in, " + s.answered() + " answered, "
                + s.lost() + " lost on purpose" + (s.errors() > 0 ? ", " + s.errors() + " errors" : ""));
        return ExitCodes.OK;
    }

    /**
     * The options make one group; a fleet file's top-level keys change it and its groups start from it.
     * An explicit --seed wins over the file's.
     */
    private Fleet plan(String password) {
        try {
            Addressing addressing = addresses != null ? Addressing.AddressList.parse(addresses, port)
                    : new Addressing.BasePort(bind, basePort);
            int n = count != null ? count : addresses != null ? addressing.capacity() : 1;
            FleetGroup base = new FleetGroup("default", n, personality,
                    BmcSettings.DEFAULTS.withSessionLimit(sessions).withPowerOnDelay(powerOnDelay), faults(), dead);
            FleetFile.Document doc = fleetFile == null ? new FleetFile.Document(Map.of(), List.of())
                    : FleetFile.parse(BoundedRead.text(fleetFile, BoundedRead.TEXT), fleetFile.toString());
            long fleetSeed = seed != null ? seed : Long.parseLong((String) doc.top().getOrDefault("seed", "1"));
            Map<String, Object> top = new LinkedHashMap<>(doc.top());
            top.remove("seed");
            FleetGroup defaults = GroupKeys.apply(base, top);
            List<FleetGroup> groups = doc.groups().isEmpty() ? List.of(defaults) : doc.groups().stream().map(g -> {
                if (!g.containsKey("count")) {
                    throw new IllegalArgumentException("every group needs a count");
                }
                return GroupKeys.apply(defaults, g);
            }).toList();
            UserTable users = UserTable.standard(user, Secret.of(password, "sim"));
            return new Fleet(FleetPlanner.plan(groups, addressing, users, fleetSeed), addressing, fleetSeed);
        } catch (IOException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "cannot read " + BoundedRead.problem(fleetFile, e));
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            boolean positioned = fleetFile != null && m.startsWith(fleetFile + ":");
            throw new UserError(ExitCodes.BAD_OPTIONS, (fleetFile != null && !positioned ? fleetFile + ": " : "") + m);
        }
    }

    private FaultProfile faults() {
        FaultProfile f = FaultProfile.NONE.withLoss(loss).withBusyRate(busyRate).withQuirks(GroupKeys.quirks(quirks));
        if (rakpLatency != null) {
            f = f.withRakpLatency(Latency.parse(rakpLatency));
        }
        return latency == null ? f : f.withLatency(Latency.parse(latency));
    }

    private void writeInventory(FleetHost host, String password) {
        List<InventoryWriter.Entry> entries = new ArrayList<>(host.size());
        for (int i = 0; i < host.size(); i++) {
            var a = host.address(i);
            entries.add(new InventoryWriter.Entry(host.plan(i).name(), a.getAddress().getHostAddress(), a.getPort()));
        }
        try {
            InventoryWriter.write(inventory, entries, user, password);
        } catch (IOException e) {
            throw new UserError(ExitCodes.ERROR, "cannot write " + inventory + ": " + e.getMessage());
        }
    }

    /** Never from argv: a file, the environment, or a fresh random one (printed once, to stderr). */
    private String password() {
        String p;
        if (passwordFile != null) {
            try {
                p = BoundedRead.text(passwordFile, BoundedRead.SECRET).lines().findFirst().orElse("").strip();
            } catch (IOException e) {
                throw new UserError(ExitCodes.BAD_OPTIONS, "cannot read " + BoundedRead.problem(passwordFile, e));
            }
        } else if (System.getenv("IPMI_PASSWORD") != null && !System.getenv("IPMI_PASSWORD").isEmpty()) {
            p = System.getenv("IPMI_PASSWORD");
        } else if (inventory != null) {
            p = UserTable.generatedPassword(); // written only to the inventory file (0600), never printed
        } else {
            throw new UserError(ExitCodes.BAD_OPTIONS, "choose the BMC password with --password-file or "
                    + "IPMI_PASSWORD, or let the simulator make one up with --write-inventory FILE");
        }
        if (p.isEmpty() || p.getBytes(StandardCharsets.UTF_8).length > 20) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "the password must be 1 to 20 bytes (IPMI v2.0 limit)");
        }
        return p;
    }
}
