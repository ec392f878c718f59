package io.ipmirunner.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs ipmitool and FreeIPMI against one {@link IpmiSim}, keeping every secret out of argv. */
final class ReferenceClients {
    private static final Pattern ACTIVE_SESSIONS = Pattern.compile("(?m)^\\s*active sessions\\s*:\\s*(\\d+)");
    /** Whether a FreeIPMI tool knows --sdr-cache-directory, asked once per tool with --help. */
    private static final Map<String, Boolean> SDR_CACHE_OPTION = new ConcurrentHashMap<>();

    private final IpmiSim sim;

    ReferenceClients(IpmiSim sim) {
        this.sim = sim;
    }

    ProcessResult ipmitool(IpmitoolOptions o, String... args) {
        Peers.require("ipmitool");
        List<String> cmd = new ArrayList<>(List.of("ipmitool", "-I", o.iface(), "-H", sim.host(),
                "-p", Integer.toString(sim.port()), "-U", o.username() != null ? o.username() : sim.username(), "-E"));
        Map<String, String> env = new HashMap<>();
        env.put("IPMI_PASSWORD", o.password() != null ? o.password() : sim.password());
        env.put("IPMITOOL_PASSWORD", null); // would take precedence over IPMI_PASSWORD
        if ("lanplus".equals(o.iface())) {
            cmd.addAll(List.of("-C", Integer.toString(o.cipherSuite())));
            String kg = o.kg() != null ? o.kg() : sim.bmcKey().orElse("");
            if (!kg.isEmpty()) {
                cmd.add("-K"); // K_g from env IPMI_KGKEY
                env.put("IPMI_KGKEY", kg);
            }
        } else if (o.authType() != null) {
            cmd.addAll(List.of("-A", o.authType()));
        }
        cmd.addAll(Arrays.asList(args));
        return ProcessResult.run(cmd, env, sim.stateDir(), IpmiSim.CLIENT_TIMEOUT);
    }

    ProcessResult freeipmi(String tool, String... args) {
        Peers.require(tool);
        List<String> cmd = new ArrayList<>(List.of(tool, "--config-file=" + configFile(),
                "-h", sim.host() + ":" + sim.port()));
        if (SDR_CACHE_OPTION.computeIfAbsent(tool, ReferenceClients::knowsSdrCacheOption)) {
            // FreeIPMI caches SDRs under the real home directory (it ignores $HOME), keyed by host name:
            // a cache from an earlier fixture on the same address would be stale.
            // The directory must exist already ("insufficient permission on SDR cache directory").
            cmd.add("--sdr-cache-directory=" + sdrCacheDir());
        }
        cmd.addAll(Arrays.asList(args));
        return ProcessResult.run(cmd, Map.of(), sim.stateDir(), IpmiSim.CLIENT_TIMEOUT);
    }

    int sessionCount() {
        // ipmi_sim answers Get Session Info with the channel's active session count, which includes the
        // session of this very query.
        ProcessResult r = ipmitool(IpmitoolOptions.DEFAULT, "session", "info", "active");
        Matcher m = ACTIVE_SESSIONS.matcher(r.stdout());
        if (!r.ok() || !m.find()) {
            throw new IllegalStateException("cannot read the session count of " + sim.host() + ":\n" + r);
        }
        return Integer.parseInt(m.group(1)) - 1;
    }

    /**
     * The FreeIPMI config file (0600) with the credentials. Also: IPMI 2.0 by default, and workaround
     * "opensesspriv", because ipmi_sim echoes the requested privilege (0, "highest") in the Open Session
     * response instead of the granted one, which FreeIPMI otherwise rejects with "privilege level cannot
     * be obtained for this user".
     */
    private synchronized Path configFile() {
        Path file = sim.stateDir().resolve("freeipmi.conf");
        if (Files.exists(file)) {
            return file;
        }
        List<String> lines = new ArrayList<>(List.of(
                "username " + sim.username(),
                "password " + sim.password(),
                "driver-type LAN_2_0",
                "workaround-flags opensesspriv",
                "privilege-level " + freeipmiPrivilege(sim.primary().privilege())));
        sim.bmcKey().ifPresent(kg -> lines.add("k_g " + kg));
        try {
            Path tmp = Files.createFile(sim.stateDir().resolve("freeipmi.conf.tmp"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, lines);
            Files.move(tmp, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized Path sdrCacheDir() {
        Path dir = sim.stateDir().resolve("freeipmi-sdr-cache");
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectory(dir,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String freeipmiPrivilege(String simPrivilege) {
        return switch (simPrivilege) {
            case "admin" -> "ADMIN";
            case "operator" -> "OPERATOR";
            default -> "USER"; // FreeIPMI has no CALLBACK level
        };
    }

    private static boolean knowsSdrCacheOption(String tool) {
        ProcessResult help = ProcessResult.run(List.of(tool, "--help"), Map.of(), null, Duration.ofSeconds(10));
        return help.output().contains("--sdr-cache-directory");
    }
}
