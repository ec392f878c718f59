package io.ipmirunner.config;

import java.nio.file.Path;
import java.util.Map;

/** What the configuration is looked up in: the environment variables, the working directory and home. */
public record Environment(Map<String, String> variables, Path cwd, Path home) {
    /**
     * Home is {@code $HOME}, as for Ansible's {@code ~/.ansible.cfg} and for the run directories under
     * {@code ~/.local/state}; the JVM's {@code user.home} (the password database's entry) only without it.
     */
    public static Environment system() {
        String home = System.getenv("HOME");
        return new Environment(System.getenv(), Path.of("").toAbsolutePath(),
                Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home", "/")));
    }
}
