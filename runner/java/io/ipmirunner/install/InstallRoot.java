package io.ipmirunner.install;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Where the shipped playbooks, inventory examples and report templates are: a checkout, or an unpacked
 * distribution ({@code ipmi-runner-VERSION/}, {@code /opt/ipmi-runner}). Both launchers say it with
 * {@code -Dipmirunner.root}; a jar started by hand finds it from its own location (the jar sits in
 * {@code ROOT/target/} or {@code ROOT/app/}), so {@code java -jar .../app/ipmi-runner.jar demo} works from any
 * directory too.
 */
public final class InstallRoot {
    private InstallRoot() {
    }

    public static Path path() {
        String given = System.getProperty("ipmirunner.root");
        if (given != null) {
            return Path.of(given);
        }
        return fromJar().orElse(Path.of("."));
    }

    /**
     * Where a run directory goes without --report-dir or report_dir: {@code ipmirunner.runs} (the
     * distribution's launcher gives one under the user's home, as an install is not writable by its users),
     * else the root's {@code reports/out} (a checkout).
     */
    public static Path runs() {
        String given = System.getProperty("ipmirunner.runs");
        return given != null ? Path.of(given) : path().resolve("reports").resolve("out");
    }

    private static java.util.Optional<Path> fromJar() {
        try {
            CodeSource source = InstallRoot.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return java.util.Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI());
            Path root = jar.getParent() == null ? null : jar.getParent().getParent();
            return root != null && Files.isDirectory(root.resolve("playbooks"))
                    ? java.util.Optional.of(root) : java.util.Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
