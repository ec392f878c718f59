package io.ipmirunner.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration in force: the first file found of {@code $IPMI_RUNNER_CONFIG}, {@code ./ipmi-runner.cfg},
 * {@code ~/.ipmi-runner.cfg}, {@code /etc/ipmi-runner/ipmi-runner.cfg} (only that one is read, as Ansible reads
 * one ansible.cfg), then each {@code IPMI_RUNNER_<KEY>} variable over it. The command line wins over both; that
 * part is picocli's (the values here are its options' defaults).
 */
public final class Settings {
    public static final String CONFIG_VARIABLE = "IPMI_RUNNER_CONFIG";

    private final List<Path> searched;
    private final Optional<Path> file;
    private final Map<Setting, Value> values;

    private Settings(List<Path> searched, Optional<Path> file, Map<Setting, Value> values) {
        this.searched = searched;
        this.file = file;
        this.values = values;
    }

    /** No file, no variables: for the command model alone (completion scripts, man pages). */
    public static Settings none() {
        return new Settings(List.of(), Optional.empty(), new EnumMap<>(Setting.class));
    }

    public static Settings load(Environment env) {
        Optional<Path> file = find(env);
        Map<Setting, Value> values = new EnumMap<>(Setting.class);
        file.ifPresent(f -> values.putAll(ConfigFile.read(f, env.home())));
        for (Setting s : Setting.values()) {
            String v = env.variables().get(s.envName());
            if (v != null) {
                values.put(s, Value.checked(s, v.strip(), "env " + s.envName(), null, env.home()));
            }
        }
        return new Settings(searchPath(env), file, values);
    }

    /** Where the file is looked for, in order. */
    public static List<Path> searchPath(Environment env) {
        List<Path> out = new ArrayList<>();
        String given = env.variables().get(CONFIG_VARIABLE);
        if (given != null && !given.isEmpty()) {
            out.add(env.cwd().resolve(given));
        }
        out.add(env.cwd().resolve("ipmi-runner.cfg"));
        out.add(env.home().resolve(".ipmi-runner.cfg"));
        out.add(Path.of("/etc/ipmi-runner/ipmi-runner.cfg"));
        return out;
    }

    private static Optional<Path> find(Environment env) {
        String given = env.variables().get(CONFIG_VARIABLE);
        if (given != null && !given.isEmpty() && !Files.isRegularFile(env.cwd().resolve(given))) {
            throw new ConfigException(CONFIG_VARIABLE + " names " + given + ", which is not a file");
        }
        return searchPath(env).stream().filter(Files::isRegularFile).findFirst();
    }

    /** The files looked for, in order. */
    public List<Path> searched() {
        return searched;
    }

    public Optional<Path> file() {
        return file;
    }

    public Optional<Value> get(Setting s) {
        return Optional.ofNullable(values.get(s));
    }
}
