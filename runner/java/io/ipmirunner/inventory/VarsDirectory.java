package io.ipmirunner.inventory;

import io.ipmirunner.yaml.InvalidInputException;
import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.Problems;
import io.ipmirunner.yaml.SafeYaml;
import io.ipmirunner.yaml.VaultText;
import io.ipmirunner.yaml.YamlMap;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import io.ipmirunner.secret.Decrypter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code group_vars/} and {@code host_vars/} next to an inventory source (or a playbook), found as
 * Ansible's host_group_vars plugin finds them: for a name, {@code NAME} (a file, or a directory whose files
 * are read recursively in sorted order), else {@code NAME.yml}, {@code NAME.yaml}, {@code NAME.json}.
 * A vault-encrypted file is opened with the run's vault passwords.
 */
final class VarsDirectory {
    private static final List<String> EXTENSIONS = List.of(".yml", ".yaml", ".json");

    private final Path base;
    private final Problems problems;
    private final Decrypter vault;
    private final Map<Path, List<YamlMap>> cache = new HashMap<>();

    VarsDirectory(Path base, Problems problems, Decrypter vault) {
        this.base = base;
        this.problems = problems;
        this.vault = vault;
    }

    List<YamlMap> groupVars(String group) {
        return find("group_vars", group);
    }

    List<YamlMap> hostVars(String host) {
        return find("host_vars", host);
    }

    private List<YamlMap> find(String subdir, String name) {
        Path dir = base.resolve(subdir);
        if (name.startsWith("/") || !Files.isDirectory(dir)) {
            return List.of();
        }
        for (String ext : Stream.concat(Stream.of(""), EXTENSIONS.stream()).toList()) {
            Path p = dir.resolve(name + ext);
            if (Files.isDirectory(p)) {
                List<YamlMap> out = new ArrayList<>();
                for (Path f : filesIn(p)) {
                    out.addAll(read(f));
                }
                return out;
            } else if (Files.isRegularFile(p)) {
                return read(p);
            }
        }
        return List.of();
    }

    private List<Path> filesIn(Path dir) {
        List<Path> out = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            problems.add(new Location(dir.toString(), 1, 1), "cannot list directory: " + e.getMessage());
            return out;
        }
        for (Path e : entries) {
            String n = e.getFileName().toString();
            if (n.startsWith(".") || n.endsWith("~")) {
                continue;
            }
            String ext = n.contains(".") ? n.substring(n.lastIndexOf('.')) : "";
            if (Files.isDirectory(e) && ext.isEmpty()) {
                out.addAll(filesIn(e));
            } else if (Files.isRegularFile(e) && (ext.isEmpty() || EXTENSIONS.contains(ext))) {
                out.add(e);
            }
        }
        return out;
    }

    private List<YamlMap> read(Path file) {
        return cache.computeIfAbsent(file, f -> {
            String shown = f.toString();
            try {
                String text = VaultText.open(SafeYaml.readText(f, shown), shown, vault);
                YamlValue v = SafeYaml.parse(text, shown);
                if (v instanceof YamlMap m) {
                    return List.of(m);
                }
                if (!(v instanceof YamlScalar s && s.isNull())) {
                    problems.add(v.at(), "a vars file must hold a mapping of variable names to values, found "
                            + v.describe());
                }
            } catch (InvalidInputException e) {
                problems.addAll(e);
            }
            return List.of();
        });
    }
}
