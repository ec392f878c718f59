package io.ipmirunner.sim.fleet;

import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.lan.LanServices;
import io.ipmirunner.sim.model.BmcIdentity;
import io.ipmirunner.sim.model.Personality;
import io.ipmirunner.sim.model.UserTable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A small simulated fleet in this JVM for real clients to drive: Dell personality, ephemeral ports on
 * 127.0.0.1, a short power-on delay so tests need not wait long. Runs ipmitool and FreeIPMI with the
 * password in the environment or a 0600 config file, never in argv.
 */
final class InteropFleet implements AutoCloseable {
    static final String PASSWORD = "interop-Pw-42";
    static final long SEED = 77;
    static final long POWER_ON_DELAY = 400;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What a finished tool printed. */
    record Result(int exit, String out) {
        boolean ok() {
            return exit == 0;
        }
    }

    private final FleetHost host;
    private final Path dir;

    InteropFleet(int count, Path dir) {
        this(count, dir, FaultProfile.NONE);
    }

    InteropFleet(int count, Path dir, FaultProfile faults) {
        this.dir = dir;
        var group = new FleetGroup("interop", count, Personality.DELL.key(),
                BmcSettings.DEFAULTS.withPowerOnDelay(POWER_ON_DELAY), faults, 0);
        var plans = FleetPlanner.plan(List.of(group), new Addressing.BasePort("127.0.0.1", 0),
                UserTable.standard("admin", Secret.of(PASSWORD, "test")), SEED);
        host = FleetHost.start(plans, LanServices.seeded(SEED), SEED);
    }

    FleetHost host() {
        return host;
    }

    String productSerial(int i) {
        return BmcIdentity.of(SEED, i, Personality.DELL).productSerial();
    }

    Result ipmitool(int bmc, List<String> iface, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ipmitool", "-H", "127.0.0.1", "-p",
                Integer.toString(host.address(bmc).getPort()), "-U", "admin", "-E"));
        cmd.addAll(iface);
        cmd.addAll(List.of(args));
        return run(cmd, Map.of("IPMI_PASSWORD", PASSWORD));
    }

    Result freeipmi(int bmc, String tool, String... args) {
        List<String> cmd = new ArrayList<>(List.of(tool, "--config-file=" + config(), "-h",
                "127.0.0.1:" + host.address(bmc).getPort()));
        if (List.of("ipmi-fru", "ipmi-sensors", "ipmi-sel").contains(tool)) {
            cmd.add("--sdr-cache-directory=" + dir);
        }
        cmd.addAll(List.of(args));
        return run(cmd, Map.of());
    }

    private Path config() {
        Path file = dir.resolve("freeipmi.conf");
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, "username admin\npassword " + PASSWORD + "\ndriver-type LAN_2_0\n");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Result run(List<String> cmd, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        pb.directory(dir.toFile());
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(-1, new String(out, StandardCharsets.UTF_8) + "\n[timed out]");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        host.close();
    }
}
