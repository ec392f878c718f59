package io.ipmirunner.playbook;

import io.ipmirunner.expr.TemplateText;
import io.ipmirunner.yaml.InvalidInputException;
import io.ipmirunner.yaml.MapReader;
import io.ipmirunner.yaml.Problems;
import io.ipmirunner.yaml.SafeYaml;
import io.ipmirunner.yaml.Suggestions;
import io.ipmirunner.yaml.YamlList;
import io.ipmirunner.yaml.YamlMap;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads task lists: tasks (name + exactly one action + keywords), blocks with rescue/always, and
 * include_tasks (a static file name is read and checked now, relative to the including file). Each bad task
 * is reported and left out, and parsing goes on with the next.
 */
final class TaskParser {
    private static final int MAX_INCLUDE_DEPTH = 16;
    private static final Set<String> STRUCTURE = Set.of("name", "block", "rescue", "always", "include_tasks");
    /** Ansible task keywords with no meaning here, named as such in errors rather than taken for modules. */
    private static final Set<String> ANSIBLE_ONLY = Set.of("become", "become_user", "delegate_to", "local_action",
            "action", "args", "environment", "no_log", "check_mode", "diff", "loop_control", "connection", "async",
            "poll", "debugger", "collections", "module_defaults", "import_tasks", "include_role", "import_role");
    private static final Set<String> TASK_ONLY = Set.of("register", "loop", "retries", "delay", "until", "backoff",
            "changed_when", "failed_when", "notify", "stagger");

    private final Problems problems;
    private final Path file;
    private final List<Path> includeChain;
    private final TreeSet<String> actions = ActionParser.known();

    TaskParser(Problems problems, Path file, List<Path> includeChain) {
        this.problems = problems;
        this.file = file;
        this.includeChain = includeChain;
    }

    List<TaskItem> list(YamlValue v, String what) {
        List<TaskItem> out = new ArrayList<>();
        if (v instanceof YamlScalar s && s.isNull()) {
            return out;
        }
        if (!(v instanceof YamlList l)) {
            problems.add(v.at(), what + " must be a list of tasks, found " + v.describe());
            return out;
        }
        for (YamlValue item : l.items()) {
            if (item instanceof YamlMap m) {
                item(m).ifPresent(out::add);
            } else {
                problems.add(item.at(), "each entry of " + what + " must be a task (a mapping), found "
                        + item.describe());
            }
        }
        return out;
    }

    List<Handler> handlers(YamlValue v) {
        List<Handler> out = new ArrayList<>();
        if (v instanceof YamlScalar s && s.isNull()) {
            return out;
        }
        if (!(v instanceof YamlList l)) {
            problems.add(v.at(), "handlers must be a list of tasks, found " + v.describe());
            return out;
        }
        for (YamlValue item : l.items()) {
            if (!(item instanceof YamlMap m) || m.has("block") || m.has("include_tasks")) {
                problems.add(item.at(), "each handler must be a task (a mapping with one action), found "
                        + (item instanceof YamlMap ? "a block or include" : item.describe()));
                continue;
            }
            task(m, true).ifPresent(t -> out.add(new Handler(t, new MapReader(m, "handler '" + t.displayName() + "'",
                    problems).stringList("listen", false))));
        }
        return out;
    }

    private Optional<TaskItem> item(YamlMap m) {
        if (m.has("block")) {
            return block(m);
        } else if (m.has("include_tasks")) {
            return include(m);
        } else if (m.has("rescue") || m.has("always")) {
            YamlMap.Member extra = m.member(m.has("rescue") ? "rescue" : "always").orElseThrow();
            problems.add(extra.key().at(), "'" + extra.name() + "' needs a 'block' in the same entry");
            return Optional.empty();
        }
        return task(m, false).map(TaskItem.class::cast);
    }

    private Optional<Task> task(YamlMap m, boolean handler) {
        int before = problems.size();
        String name = name(m);
        List<YamlMap.Member> found = m.members().stream().filter(x -> actions.contains(x.name())).toList();
        String owner = (handler ? "handler '" : "task '") + (name.isEmpty() && !found.isEmpty()
                ? found.get(0).name() : name) + "'";
        Set<String> allowed = new LinkedHashSet<>(TaskOptionsParser.TASK_KEYWORDS);
        allowed.add("name");
        if (handler) {
            allowed.add("listen");
        }
        for (YamlMap.Member x : m.members()) {
            if (!allowed.contains(x.name()) && !actions.contains(x.name())) {
                unknownKey(x, owner, allowed, !found.isEmpty());
            }
        }
        if (found.size() > 1) {
            problems.add(found.get(1).key().at(), owner + " has two actions, '" + found.get(0).name() + "' and '"
                    + found.get(1).name() + "': a task does exactly one thing");
        } else if (found.isEmpty() && problems.size() == before) {
            problems.add(m.at(), owner + " has no action (a module: " + String.join(", ",
                    io.ipmirunner.modules.Modules.names()) + "; or " + String.join(", ", Action.BUILT_IN) + ")");
        }
        MapReader r = new MapReader(m, owner, problems);
        TaskOptions options = TaskOptionsParser.readTask(r);
        if (found.size() != 1) {
            return Optional.empty();
        }
        YamlMap.Member a = found.get(0);
        Optional<Action> action = ActionParser.parse(a.name(), a.value(), a.key().at(), owner, problems);
        return action.isPresent() && problems.size() == before
                ? Optional.of(new Task(name, m.at(), action.get(), options)) : Optional.empty();
    }

    private void unknownKey(YamlMap.Member x, String owner, Set<String> allowed, boolean hasAction) {
        Set<String> candidates = new TreeSet<>(allowed);
        candidates.addAll(actions);
        candidates.addAll(STRUCTURE);
        Optional<String> close = Suggestions.closest(x.name(), candidates);
        String k = x.name();
        if (close.isPresent()) {
            problems.add(x.key().at(), "unknown key '" + k + "' in " + owner + " (did you mean '" + close.get()
                    + "'?)");
        } else if (k.startsWith("with_")) {
            problems.add(x.key().at(), "'" + k + "' in " + owner + " is not supported: write loop: (or with_items:) "
                    + "instead");
        } else if (hasAction || ANSIBLE_ONLY.contains(k)) {
            problems.add(x.key().at(), "unknown key '" + k + "' in " + owner
                    + (ANSIBLE_ONLY.contains(k) ? " (an Ansible keyword ipmi-runner does not support)" : ""));
        } else {
            problems.add(x.key().at(), "unknown module '" + k + "' in " + owner + " (modules: "
                    + String.join(", ", io.ipmirunner.modules.Modules.names()) + "; built-in actions: "
                    + String.join(", ", Action.BUILT_IN) + ")");
        }
    }

    private Optional<TaskItem> block(YamlMap m) {
        int before = problems.size();
        String name = name(m);
        String owner = "block" + (name.isEmpty() ? "" : " '" + name + "'");
        for (YamlMap.Member x : m.members()) {
            String k = x.name();
            if (STRUCTURE.contains(k) && !k.equals("include_tasks") || TaskOptionsParser.BLOCK_KEYWORDS.contains(k)) {
                continue;
            }
            if (actions.contains(k) || k.equals("include_tasks")) {
                problems.add(x.key().at(), owner + " cannot also have the action '" + k + "': put it in a task "
                        + "inside the block");
            } else if (TASK_ONLY.contains(k)) {
                problems.add(x.key().at(), "'" + k + "' cannot be used on a block, only on tasks");
            } else {
                problems.add(x.key().at(), "unknown key '" + k + "' in " + owner + Suggestions.hint(k,
                        union(STRUCTURE, TaskOptionsParser.BLOCK_KEYWORDS)));
            }
        }
        TaskOptions options = TaskOptionsParser.read(new MapReader(m, owner, problems));
        List<TaskItem> block = list(m.get("block").orElseThrow(), "'block' of " + owner);
        List<TaskItem> rescue = m.get("rescue").map(v -> list(v, "'rescue' of " + owner)).orElse(List.of());
        List<TaskItem> always = m.get("always").map(v -> list(v, "'always' of " + owner)).orElse(List.of());
        return problems.size() == before ? Optional.of(new Block(name, m.at(), block, rescue, always, options))
                : Optional.empty();
    }

    private Optional<TaskItem> include(YamlMap m) {
        int before = problems.size();
        String name = name(m);
        YamlValue target = m.get("include_tasks").orElseThrow();
        String owner = "include_tasks" + (name.isEmpty() ? "" : " '" + name + "'");
        MapReader r = new MapReader(m, owner, problems);
        r.allowOnly(union(Set.of("name", "include_tasks"), TaskOptionsParser.INCLUDE_KEYWORDS));
        if (target instanceof YamlMap args) {
            new MapReader(args, owner, problems).allowOnly(List.of("file"));
            target = args.get("file").orElse(YamlScalar.string("", args.at()));
        }
        Optional<TemplateText> path = ExpressionReader.template(target, "'include_tasks' of " + owner, problems);
        TaskOptions options = TaskOptionsParser.read(r);
        if (path.isEmpty() || problems.size() != before) {
            return Optional.empty();
        }
        Optional<List<TaskItem>> tasks = path.get().isStatic() ? Optional.of(load(path.get())) : Optional.empty();
        return problems.size() == before ? Optional.of(new IncludeTasks(name, m.at(), path.get(), tasks, options))
                : Optional.empty();
    }

    private List<TaskItem> load(TemplateText path) {
        Path target = (file.getParent() == null ? Path.of(".") : file.getParent()).resolve(path.source()).normalize();
        Path real = target.toAbsolutePath().normalize();
        if (!Files.isRegularFile(target)) {
            problems.add(path.at(), "include_tasks: file '" + path.source() + "' not found (looked for " + target
                    + ")");
            return List.of();
        }
        if (includeChain.contains(real) || includeChain.size() >= MAX_INCLUDE_DEPTH) {
            problems.add(path.at(), "include_tasks of '" + path.source() + "' makes a loop of includes");
            return List.of();
        }
        try {
            YamlValue v = SafeYaml.load(target, target.toString());
            List<Path> chain = new ArrayList<>(includeChain);
            chain.add(real);
            return new TaskParser(problems, target, chain).list(v, "tasks file '" + target + "'");
        } catch (InvalidInputException e) {
            problems.addAll(e);
            return List.of();
        }
    }

    private String name(YamlMap m) {
        return m.get("name").flatMap(v -> ExpressionReader.template(v, "'name'", problems))
                .map(TemplateText::source).orElse("");
    }

    private static Set<String> union(Set<String> a, List<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }
}
