package io.ipmirunner.config;

import java.nio.file.Path;
import java.util.Map;

/** What the configuration is looked up in: the environment variables, the working directory and home. */
public record Environment(Map<String, String> variables, Path cwd, Path home) {
    public static Environment system() {
        return new Environment(System.getenv(), Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("user.home", "/")));
    }
}
