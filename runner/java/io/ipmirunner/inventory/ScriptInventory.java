package io.ipmirunner.inventory;

import io.ipmirunner.util.BoundedRead;
import io.ipmirunner.yaml.InvalidInputException;
import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.Problems;
import io.ipmirunner.yaml.SafeYaml;
import io.ipmirunner.yaml.YamlList;
import io.ipmirunner.yaml.YamlMap;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ansible's executable inventory scripts (its {@code script} plugin): {@code SCRIPT --list} prints a JSON object
 * of groups, each a list of hosts or {@code {hosts: [...], vars: {...}, children: [...]}}, and
 * {@code _meta.hostvars} with every host's variables; without {@code _meta}, {@code SCRIPT --host HOST} is asked
 * for each host's. A script that fails, hangs past {@link #TIMEOUT}, prints too much or prints something that is
 * not a JSON object is an error naming it. The output is never echoed into a message: it may hold passwords.
 */
final class ScriptInventory {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final InventoryBuilder builder;
    private final Problems problems;

    ScriptInventory(InventoryBuilder builder, Problems problems) {
        this.builder = builder;
        this.problems = problems;
    }

    /** Executable, and not a file Ansible's YAML or INI plugins would claim by its name. */
    static boolean isScript(Path p, String lowerName) {
        return Files.isExecutable(p) && !lowerName.endsWith(".yml") && !lowerName.endsWith(".yaml")
                && !lowerName.endsWith(".json") && !lowerName.endsWith(".ini") && !lowerName.endsWith(".csv");
    }

    void load(Path script) {
        Optional<YamlMap> list = json(script, "--list");
        if (list.isEmpty()) {
            return;
        }
        Optional<YamlMap> hostvars = list.get().member("_meta").map(YamlMap.Member::value)
                .filter(v -> v instanceof YamlMap).flatMap(m -> ((YamlMap) m).member("hostvars"))
                .map(YamlMap.Member::value).filter(v -> v instanceof YamlMap).map(v -> (YamlMap) v);
        List<String> hosts = new ArrayList<>();
        for (YamlMap.Member m : list.get().members()) {
            String group = m.key().text();
            if (!group.equals("_meta")) {
                group(group, m.value(), hosts);
            }
        }
        for (String host : hosts) {
            Optional<YamlMap> vars = hostvars.isPresent()
                    ? hostvars.get().member(host).map(YamlMap.Member::value).filter(v -> v instanceof YamlMap)
                            .map(v -> (YamlMap) v)
                    : json(script, "--host", host);
            vars.ifPresent(v -> v.members().forEach(e -> builder.hostVar(host, e.key().text(), e.value())));
        }
    }

    private void group(String name, YamlValue body, List<String> hosts) {
        builder.group(name, body.at());
        if (body instanceof YamlList l) {
            addHosts(name, l, hosts);
            return;
        }
        if (!(body instanceof YamlMap map)) {
            problems.add(body.at(), "group '" + name + "' must be a list of hosts or an object with hosts, vars and "
                    + "children, found " + body.describe());
            return;
        }
        for (YamlMap.Member m : map.members()) {
            switch (m.key().text()) {
                case "hosts" -> list(m.value(), "hosts of '" + name + "'").ifPresent(l -> addHosts(name, l, hosts));
                case "children" -> list(m.value(), "children of '" + name + "'").ifPresent(l -> l.items().forEach(
                        c -> {
                            // A child may be listed before its own entry (or have none): it exists from here.
                            builder.group(((YamlScalar) c).text(), c.at());
                            builder.addChild(name, ((YamlScalar) c).text(), c.at());
                        }));
                case "vars" -> {
                    if (m.value() instanceof YamlMap vars) {
                        vars.members().forEach(v -> builder.groupVar(name, v.key().text(), v.value()));
                    } else {
                        problems.add(m.value().at(), "vars of '" + name + "' must be an object");
                    }
                }
                default -> problems.add(m.key().at(), "unknown key '" + m.key().text() + "' in group '" + name
                        + "' (hosts, vars, children)");
            }
        }
    }

    private void addHosts(String group, YamlList list, List<String> hosts) {
        for (YamlValue h : list.items()) {
            String host = ((YamlScalar) h).text();
            if (!builder.host(host, group, h.at())) {
                return;
            }
            if (!hosts.contains(host)) {
                hosts.add(host);
            }
        }
    }

    /** A list of strings, or a problem. */
    private Optional<YamlList> list(YamlValue v, String what) {
        if (v instanceof YamlList l && l.items().stream().allMatch(i -> i instanceof YamlScalar s && !s.isNull())) {
            return Optional.of(l);
        }
        problems.add(v.at(), what + " must be a list of names, found " + v.describe());
        return Optional.empty();
    }

    /** Runs the script with {@code args}; its stdout as a JSON object, or a problem naming the script. */
    private Optional<YamlMap> json(Path script, String... args) {
        String shown = script + " " + String.join(" ", args);
        Location at = new Location(shown, 1, 1);
        Optional<String> out = run(script, shown, at, args);
        if (out.isEmpty()) {
            return Optional.empty();
        }
        if (!out.get().stripLeading().startsWith("{")) {
            problems.add(at, "inventory script printed no JSON object (" + (out.get().isBlank() ? "nothing"
                    : "output starting with something else") + ")");
            return Optional.empty();
        }
        try {
            YamlValue v = SafeYaml.parse(out.get(), shown);
            if (v instanceof YamlMap m) {
                return Optional.of(m);
            }
            problems.add(at, "inventory script printed no JSON object");
        } catch (InvalidInputException e) {
            var first = e.problems().getFirst().at();
            problems.add(at, "inventory script printed text that is not JSON (line " + first.line() + ", column "
                    + first.column() + ")");
        }
        return Optional.empty();
    }

    private Optional<String> run(Path script, String shown, Location at, String... args) {
        List<String> command = new ArrayList<>();
        command.add(script.toAbsolutePath().toString());
        command.addAll(List.of(args));
        Path err = null;
        Process p = null;
        try {
            err = Files.createTempFile("ipmi-runner-inventory", ".err");
            p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(err.toFile()).start();
            // stdout is read beside the wait, so a script that fills the pipe is not stuck; killing the script
            // (finally) ends the read.
            Process started = p;
            CompletableFuture<byte[]> out = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    out.complete(BoundedRead.bytes(started.getInputStream(), shown, BoundedRead.TEXT));
                } catch (IOException | RuntimeException e) {
                    out.completeExceptionally(e);
                }
            });
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                problems.add(at, "inventory script did not finish within " + TIMEOUT.toSeconds() + " s");
                return Optional.empty();
            }
            byte[] bytes = out.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (p.exitValue() != 0) {
                problems.add(at, "inventory script exited " + p.exitValue() + firstLine(err));
                return Optional.empty();
            }
            return Optional.of(BoundedRead.utf8(bytes, shown));
        } catch (ExecutionException e) {
            problems.add(at, "inventory script output refused: " + e.getCause().getMessage());
        } catch (IOException e) {
            problems.add(at, "cannot run inventory script: " + e.getMessage());
        } catch (TimeoutException e) {
            problems.add(at, "inventory script's output did not end within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(at, "interrupted while running the inventory script");
        } finally {
            if (p != null) {
                p.destroyForcibly();
            }
            if (err != null) {
                try {
                    Files.deleteIfExists(err);
                } catch (IOException ignored) {
                    // a temporary file left behind in the temporary directory: nothing to do about it here
                }
            }
        }
        return Optional.empty();
    }

    /** The first line of what the script said on stderr, shortened: the reason it gives, if any. */
    private static String firstLine(Path err) throws IOException {
        byte[] b;
        try (var in = Files.newInputStream(err)) {
            b = in.readNBytes(4096);
        }
        String line = new String(b, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        return line.isEmpty() ? "" : ": " + (line.length() > 200 ? line.substring(0, 200) + "..." : line);
    }
}
