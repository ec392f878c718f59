package io.ipmirunner.interop;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Guards for tests that talk to real peer programs (ipmi_sim, ipmitool, FreeIPMI, iptables).
 *
 * <p>On a developer machine a missing program skips the test; on CI ({@code CI=true}) it fails it,
 * because there {@code .ci/run} installs every peer and a skip would hide a broken install step.
 */
public final class Peers {
    /** Debian package that ships each executable, so the failure message says what to install. */
    private static final Map<String, String> PACKAGES = Map.ofEntries(
            Map.entry("ipmi_sim", "openipmi"),
            Map.entry("sdrcomp", "openipmi"),
            Map.entry("ipmitool", "ipmitool"),
            Map.entry("ipmipower", "freeipmi-tools"),
            Map.entry("bmc-info", "freeipmi-tools"),
            Map.entry("ipmi-fru", "freeipmi-tools"),
            Map.entry("ipmi-sensors", "freeipmi-tools"),
            Map.entry("ipmi-sel", "freeipmi-tools"),
            Map.entry("ipmi-chassis", "freeipmi-tools"),
            Map.entry("ipmiconsole", "freeipmi-tools"),
            Map.entry("script", "bsdutils"),
            Map.entry("iptables", "iptables"),
            Map.entry("iptables-nft", "iptables"),
            Map.entry("iptables-legacy", "iptables"),
            Map.entry("tc", "iproute2"),
            Map.entry("ansible-vault", "ansible-core"),
            Map.entry("ansible-playbook", "ansible-core"),
            Map.entry("fakebmc", "python3-pyghmi"),
            Map.entry("chromium", "chromium"),
            Map.entry("tmux", "tmux"));

    private Peers() {}

    /** Skips (locally) or fails (on CI) the current test unless {@code executable} is installed. */
    public static void require(String executable) {
        require(executable, "true".equals(System.getenv("CI")));
    }

    /** Same as {@link #require(String)} with the CI decision made by the caller (tests of this class). */
    static void require(String executable, boolean ci) {
        if (find(executable).isPresent()) {
            return;
        }
        String message = executable + " is not installed; install the Debian package '"
                + packageOf(executable) + "' (apt-get install " + packageOf(executable) + ")";
        if (ci) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    /** Skips (locally) or fails (on CI) the current test unless it runs as root. */
    public static void requireRoot(String why) {
        if (isRoot()) {
            return;
        }
        String message = "needs root: " + why;
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    public static boolean isRoot() {
        // The effective uid is what counts for binding port 623 and for iptables; /proc/self is the JVM.
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (Exception e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Absolute path of an executable in the sbin/bin directories or on PATH. */
    public static Optional<Path> find(String executable) {
        Set<String> dirs = new LinkedHashSet<>(java.util.List.of("/usr/bin", "/usr/sbin", "/usr/local/bin",
                "/usr/local/sbin", "/bin", "/sbin"));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    dirs.add(dir);
                }
            }
        }
        return dirs.stream()
                .map(dir -> Path.of(dir, executable))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }

    static String packageOf(String executable) {
        return PACKAGES.getOrDefault(executable, executable);
    }
}
