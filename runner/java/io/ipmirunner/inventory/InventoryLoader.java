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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads inventory sources ({@code -i}, repeatable) as Ansible does: a YAML or INI file, a directory of them
 * (sorted, recursively; {@code group_vars}, {@code host_vars}, hidden files and Ansible's ignored extensions
 * skipped, among them {@code .ini}), or a comma-separated host list ({@code node[01:04],bmc9}). Then it merges
 * variables ({@link VariablePrecedence}) and reads every host's connection.
 */
public final class InventoryLoader {
    /** As Ansible's INVENTORY_IGNORE_EXTS: files a directory source does not read. */
    private static final List<String> IGNORED_EXTENSIONS = List.of(".pyc", ".pyo", ".swp", ".bak", "~", ".rpm",
            ".md", ".txt", ".rst", ".orig", ".ini", ".cfg", ".retry");
    private static final Set<String> IGNORED_DIRS = Set.of("group_vars", "host_vars", "vars_plugins");

    /**
     * @param maxHosts the most hosts an inventory may hold (ranges are checked before they expand)
     * @param playbookDir where a playbook's own group_vars/ and host_vars/ are, if any
     */
    public record Options(int maxHosts, Optional<Path> playbookDir, Decrypter vault) {
        public static final int DEFAULT_MAX_HOSTS = 100_000;

        public Options(int maxHosts, Optional<Path> playbookDir) {
            this(maxHosts, playbookDir, Decrypter.NONE);
        }

        public static Options defaults() {
            return new Options(DEFAULT_MAX_HOSTS, Optional.empty());
        }

        public Options withPlaybookDir(Path dir) {
            return new Options(maxHosts, Optional.of(dir), vault);
        }

        /** Opens vault-encrypted inventory and vars files (inline {@code !vault} values stay closed until used). */
        public Options withVault(Decrypter d) {
            return new Options(maxHosts, playbookDir, d);
        }
    }

    private final Options options;
    private final Problems problems = new Problems();
    private final Problems warnings = new Problems();
    private final InventoryBuilder builder;

    private InventoryLoader(Options options) {
        this.options = options;
        this.builder = new InventoryBuilder(problems, options.maxHosts());
    }

    /** Loads the sources; throws {@link InvalidInputException} with every problem found. */
    public static Inventory load(List<String> sources, Options options) {
        return new InventoryLoader(options).run(sources);
    }

    private Inventory run(List<String> sources) {
        List<VarsDirectory> varsDirs = new ArrayList<>();
        for (String source : sources) {
            Path p = Path.of(source);
            if (Files.isDirectory(p)) {
                directory(p);
                varsDirs.add(new VarsDirectory(p, problems, options.vault()));
            } else if (Files.isRegularFile(p)) {
                file(p);
                Path base = p.getParent() == null ? Path.of(".") : p.getParent();
                varsDirs.add(new VarsDirectory(base, problems, options.vault()));
            } else if (source.contains(",")) {
                hostList(source);
            } else {
                problems.add(Location.commandLine("-i"), "inventory '" + source + "' not found (a file, a directory, "
                        + "or hosts separated by commas)");
            }
        }
        builder.reconcile();
        Map<String, Group> groups = builder.groups();
        VariablePrecedence precedence = new VariablePrecedence(groups, varsDirs,
                options.playbookDir().map(d -> new VarsDirectory(d, problems, options.vault())));
        Map<String, Host> hosts = new LinkedHashMap<>();
        List<String> ansibleHostOnly = new ArrayList<>();
        for (InventoryBuilder.RawHost raw : builder.hosts().values()) {
            List<String> sorted = precedence.sortedGroups(raw.directGroups());
            Map<String, YamlValue> vars = precedence.merge(raw, sorted);
            List<String> groupNames = sorted.stream().sorted().toList();
            BmcConnection bmc = ConnectionVars.read(raw.name(), raw.at(), groupNames, vars, problems, warnings);
            hosts.put(raw.name(), new Host(raw.name(), groupNames, vars, bmc, raw.at()));
            if (vars.containsKey("ansible_host") && !vars.containsKey("ipmi_host")) {
                ansibleHostOnly.add(raw.name());
            }
            if (groups.containsKey(raw.name())) {
                warnings.add(raw.at(), "'" + raw.name() + "' is both a host and a group; patterns name the host");
            }
        }
        if (!ansibleHostOnly.isEmpty()) {
            warnings.add(hosts.get(ansibleHostOnly.get(0)).at(), ansibleHostOnly.size() + " host(s) set ansible_host "
                    + "but not ipmi_host (first: " + ansibleHostOnly.get(0) + "); the BMC is reached at ipmi_host, "
                    + "else the inventory name, never at ansible_host (the OS address)");
        }
        problems.throwIfAny();
        return Inventory.of(hosts, groups, sources, warnings.list());
    }

    /**
     * A directory source is read recursively, as Ansible does; bounded so that {@code -i /} or a symlink
     * that loops ends with an error, not a walk of the whole filesystem.
     */
    private static final int MAX_DIRECTORY_ENTRIES = 10_000;
    private final Set<Path> directoriesSeen = new java.util.HashSet<>();
    private int directoryEntries;

    private void directory(Path dir) {
        try {
            if (!directoriesSeen.add(dir.toRealPath())) {
                return; // reached again through a symlink: read once
            }
        } catch (IOException e) {
            problems.add(new Location(dir.toString(), 1, 1), "cannot read inventory directory: " + e.getMessage());
            return;
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            problems.add(new Location(dir.toString(), 1, 1), "cannot list inventory directory: " + e.getMessage());
            return;
        }
        for (Path e : entries) {
            if (++directoryEntries > MAX_DIRECTORY_ENTRIES) {
                problems.add(new Location(dir.toString(), 1, 1), "inventory directories hold more than "
                        + MAX_DIRECTORY_ENTRIES + " entries; is -i pointing at the right directory?");
                return;
            }
            String name = e.getFileName().toString();
            if (name.startsWith(".") || IGNORED_DIRS.contains(name)
                    || IGNORED_EXTENSIONS.stream().anyMatch(name::endsWith)) {
                continue;
            }
            if (Files.isDirectory(e)) {
                directory(e);
            } else if (Files.isRegularFile(e)) {
                file(e);
            }
        }
    }

    private void file(Path p) {
        String shown = p.toString();
        String lower = shown.toLowerCase(java.util.Locale.ROOT);
        if (ScriptInventory.isScript(p, lower)) {
            new ScriptInventory(builder, problems).load(p);
            return;
        }
        if (lower.endsWith(".csv")) {
            new CsvInventoryParser(builder, problems).parse(p);
            return;
        }
        try {
            String text = VaultText.open(SafeYaml.readText(p, shown), shown, options.vault());
            String name = shown.toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json")) {
                new YamlInventoryParser(builder, problems, options.maxHosts()).parse(SafeYaml.parse(text, shown));
            } else if (name.endsWith(".ini")) {
                new IniInventoryParser(builder, problems, options.maxHosts()).parse(text, shown);
            } else {
                sniffed(text, shown);
            }
        } catch (InvalidInputException e) {
            problems.addAll(e);
        }
    }

    /** Like Ansible's plugin chain for a file without a telling extension: YAML when it is a YAML mapping, else INI. */
    private void sniffed(String text, String shown) {
        Optional<YamlValue> yaml;
        try {
            yaml = Optional.of(SafeYaml.parse(text, shown)).filter(v -> v instanceof YamlMap);
        } catch (InvalidInputException notYaml) {
            yaml = Optional.empty();
        }
        if (yaml.isPresent()) {
            new YamlInventoryParser(builder, problems, options.maxHosts()).parse(yaml.get());
        } else {
            new IniInventoryParser(builder, problems, options.maxHosts()).parse(text, shown);
        }
    }

    private void hostList(String list) {
        Location at = Location.commandLine("-i");
        for (String item : list.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            try {
                HostNames names = HostNames.expand(item.strip(), options.maxHosts());
                for (String host : names.names()) {
                    if (!builder.host(host, Group.UNGROUPED, at)) {
                        return;
                    }
                    names.port().ifPresent(port -> builder.hostVar(host, "ansible_port", new YamlScalar(
                            Integer.toString(port), YamlScalar.Kind.INTEGER, (long) port, false, at)));
                }
            } catch (IllegalArgumentException e) {
                problems.add(at, e.getMessage());
            }
        }
    }
}
