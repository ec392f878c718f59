package io.ipmirunner.playbook;

import io.ipmirunner.inventory.HostPattern;
import io.ipmirunner.expr.Expressions;
import io.ipmirunner.expr.TemplateText;
import io.ipmirunner.yaml.InvalidInputException;
import io.ipmirunner.yaml.MapReader;
import io.ipmirunner.yaml.Problems;
import io.ipmirunner.yaml.SafeYaml;
import io.ipmirunner.yaml.VaultText;
import io.ipmirunner.secret.Decrypter;
import io.ipmirunner.yaml.YamlList;
import io.ipmirunner.yaml.YamlMap;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a playbook file into a validated {@link Playbook}: every key known, every expression parsed, every
 * module's arguments checked by the module, statically named vars_files and include_tasks files read, every
 * {@code notify} answered by a handler. Throws {@link InvalidInputException} with all problems found.
 */
public final class PlaybookParser {
    static final List<String> PLAY_KEYS = List.of("name", "hosts", "vars", "vars_files", "serial",
            "max_fail_percentage", "any_errors_fatal", "throttle", "strategy", "order", "max_hosts", "tags",
            "gather_facts", "pre_tasks", "tasks", "post_tasks", "handlers");

    private final Problems problems = new Problems();
    private final Path file;
    private final Decrypter vault;

    private PlaybookParser(Path file, Decrypter vault) {
        this.file = file;
        this.vault = vault;
    }

    /** Reads and validates the playbook at {@code file} (named in messages as given). */
    public static Playbook parse(Path file) {
        return parse(file, Decrypter.NONE);
    }

    /** The same, opening vault-encrypted {@code vars_files} with {@code vault}. */
    public static Playbook parse(Path file, Decrypter vault) {
        PlaybookParser p = new PlaybookParser(file, vault);
        YamlValue doc = SafeYaml.load(file, file.toString());
        return p.playbook(doc);
    }

    private Playbook playbook(YamlValue doc) {
        List<Play> plays = new ArrayList<>();
        if (doc instanceof YamlScalar s && s.isNull()) {
            problems.add(doc.at(), "the playbook is empty");
        } else if (!(doc instanceof YamlList list)) {
            problems.add(doc.at(), "a playbook is a list of plays (each starting with '- hosts:' or '- name:'), found "
                    + doc.describe());
        } else {
            for (YamlValue item : list.items()) {
                if (item instanceof YamlMap m && m.has("import_playbook")) {
                    problems.add(m.member("import_playbook").orElseThrow().key().at(),
                            "import_playbook is not supported: run the playbooks one after the other");
                } else if (item instanceof YamlMap m) {
                    play(m).ifPresent(plays::add);
                } else {
                    problems.add(item.at(), "each play must be a mapping, found " + item.describe());
                }
            }
        }
        problems.throwIfAny();
        return new Playbook(file.toString(), plays);
    }

    private Optional<Play> play(YamlMap m) {
        int before = problems.size();
        String name = m.get("name").flatMap(v -> MapReader.asString(v, "'name' of a play", problems)).orElse("");
        String owner = name.isEmpty() ? "play" : "play '" + name + "'";
        MapReader r = new MapReader(m, owner, problems);
        r.allowOnly(PLAY_KEYS);
        String hosts = hosts(r).orElse("");
        if (r.bool("gather_facts").orElse(false)) {
            problems.add(m.get("gather_facts").orElseThrow().at(), "gather_facts: true is not supported in " + owner
                    + ": ipmi-runner gathers no facts (use the mc_info module)");
        }
        RunPolicy policy = new RunPolicy(serial(r), optional(r.integer("max_fail_percentage", 0, 100)),
                r.bool("any_errors_fatal").orElse(false), optional(r.integer("throttle", 1, Integer.MAX_VALUE)),
                choice(r, "strategy", RunPolicy.Strategy.class, RunPolicy.Strategy.LINEAR),
                choice(r, "order", RunPolicy.HostOrder.class, RunPolicy.HostOrder.INVENTORY),
                optional(r.integer("max_hosts", 1, Integer.MAX_VALUE)));
        TaskParser tasks = new TaskParser(problems, file, List.of(file.toAbsolutePath().normalize()));
        Play play = new Play(name, m.at(), hosts, m.get("hosts").map(YamlValue::at).orElse(m.at()),
                TaskOptionsParser.vars(r), varsFiles(r), policy, r.stringList("tags", true),
                r.value("pre_tasks").map(v -> tasks.list(v, "pre_tasks of " + owner)).orElse(List.of()),
                r.value("tasks").map(v -> tasks.list(v, "tasks of " + owner)).orElse(List.of()),
                r.value("post_tasks").map(v -> tasks.list(v, "post_tasks of " + owner)).orElse(List.of()),
                r.value("handlers").map(tasks::handlers).orElse(List.of()));
        new NotifyCheck(play, problems).run();
        return problems.size() == before ? Optional.of(play) : Optional.empty();
    }

    private Optional<String> hosts(MapReader r) {
        Optional<YamlValue> v = r.value("hosts");
        if (v.isEmpty()) {
            problems.add(r.map().at(), r.owner() + " has no 'hosts' (a host pattern such as all, rack1 or rack1:&web)");
            return Optional.empty();
        }
        Optional<String> pattern = v.get() instanceof YamlList l
                ? Optional.of(String.join(",", l.items().stream().map(i -> MapReader.asString(i, "'hosts' of "
                        + r.owner(), problems).orElse("")).toList()))
                : r.string("hosts");
        return pattern.filter(p -> {
            if (Expressions.isTemplate(p)) {
                problems.add(v.get().at(), "'hosts' of " + r.owner() + " cannot be a template: the hosts must be "
                        + "known before any host variable is");
                return false;
            }
            try {
                HostPattern.parse(p);
                return true;
            } catch (IllegalArgumentException e) {
                problems.add(v.get().at(), "'hosts' of " + r.owner() + ": " + e.getMessage());
                return false;
            }
        });
    }

    private Serial serial(MapReader r) {
        return r.value("serial").map(v -> {
            List<Serial.BatchSize> steps = new ArrayList<>();
            for (YamlValue item : v instanceof YamlList l ? l.items() : List.of(v)) {
                batchSize(item, r.owner()).ifPresent(steps::add);
            }
            return new Serial(steps);
        }).orElse(Serial.ALL_AT_ONCE);
    }

    private Optional<Serial.BatchSize> batchSize(YamlValue v, String owner) {
        if (v instanceof YamlScalar s && s.kind() == YamlScalar.Kind.INTEGER && s.value() instanceof Long n
                && n >= 0 && n <= Integer.MAX_VALUE) {
            return Optional.of(new Serial.Count(n.intValue()));
        }
        if (v instanceof YamlScalar s && s.isString() && s.text().strip().matches("[0-9]{1,3}%")) {
            int percent = Integer.parseInt(s.text().strip().replace("%", ""));
            if (percent <= 100) {
                return Optional.of(new Serial.Percent(percent));
            }
        }
        problems.add(v.at(), "'serial' of " + owner + " must be a number of hosts, a percentage like \"25%\", or a "
                + "list of those, found " + v.describe());
        return Optional.empty();
    }

    private static <E extends Enum<E>> E choice(MapReader r, String key, Class<E> type, E fallback) {
        return r.string(key).flatMap(text -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().toLowerCase(Locale.ROOT).equals(text)) {
                    return Optional.of(e);
                }
            }
            List<String> names = java.util.Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
            r.problems().add(r.value(key).orElseThrow().at(), "'" + key + "' of " + r.owner() + " must be one of "
                    + String.join(", ", names) + ", found '" + text + "'");
            return Optional.empty();
        }).orElse(fallback);
    }

    private List<VarsFile> varsFiles(MapReader r) {
        List<VarsFile> out = new ArrayList<>();
        Optional<YamlValue> v = r.value("vars_files");
        if (v.isEmpty()) {
            return out;
        }
        for (YamlValue item : v.get() instanceof YamlList l ? l.items() : List.of(v.get())) {
            ExpressionReader.template(item, "'vars_files' of " + r.owner(), problems).ifPresent(t -> {
                if (!t.isStatic()) {
                    out.add(new VarsFile.Deferred(t));
                } else {
                    varsFile(t).ifPresent(out::add);
                }
            });
        }
        return out;
    }

    private Optional<VarsFile> varsFile(TemplateText t) {
        Path p = (file.getParent() == null ? Path.of(".") : file.getParent()).resolve(t.source()).normalize();
        if (!Files.isRegularFile(p)) {
            problems.add(t.at(), "vars file '" + t.source() + "' not found (looked for " + p + ")");
            return Optional.empty();
        }
        try {
            String text = VaultText.open(SafeYaml.readText(p, p.toString()), p.toString(), vault);
            YamlValue v = SafeYaml.parse(text, p.toString());
            if (v instanceof YamlScalar s && s.isNull()) {
                return Optional.of(new VarsFile.Loaded(t, java.util.Map.of()));
            }
            if (!(v instanceof YamlMap m)) {
                problems.add(v.at(), "a vars file must hold a mapping of variable names to values, found "
                        + v.describe());
                return Optional.empty();
            }
            MapReader vars = new MapReader(new YamlMap(List.of(new YamlMap.Member(YamlScalar.string("vars", m.at()),
                    m)), m.at()), "vars file '" + p + "'", problems);
            return Optional.of(new VarsFile.Loaded(t, TaskOptionsParser.vars(vars)));
        } catch (InvalidInputException e) {
            problems.addAll(e);
            return Optional.empty();
        }
    }

    private static OptionalInt optional(Optional<Integer> v) {
        return v.map(OptionalInt::of).orElse(OptionalInt.empty());
    }
}
