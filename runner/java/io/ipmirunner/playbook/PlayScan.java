package io.ipmirunner.playbook;

import io.ipmirunner.expr.Expression;
import io.ipmirunner.expr.ExpressionNames;
import io.ipmirunner.expr.TemplateText;
import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.YamlList;
import io.ipmirunner.yaml.YamlMap;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass over a play for {@link PlaybookCheck}: the variables it reads (each with where), the ones it defines
 * (vars, vars_files) and assigns (register, set_fact), and whether part of it is only known at run time.
 */
final class PlayScan {
    /** Variables read at one place of the playbook. */
    record Use(Location at, String where, Set<String> names) {}

    private final List<Use> uses = new ArrayList<>();
    private final List<String> defined = new ArrayList<>();
    private final List<String> assigned = new ArrayList<>();
    /** Names that an enclosing task's or block's {@code when} guards ({@link ExpressionNames#guardedBy}). */
    private final java.util.Deque<Set<String>> guards = new java.util.ArrayDeque<>();
    private boolean dynamic;

    private PlayScan() {}

    static PlayScan of(Play play) {
        PlayScan s = new PlayScan();
        String owner = "play '" + play.displayName() + "'";
        s.vars(play.vars(), owner);
        for (VarsFile f : play.varsFiles()) {
            if (f instanceof VarsFile.Loaded loaded) {
                s.vars(loaded.vars(), "vars file '" + f.path().source() + "'");
            } else {
                s.dynamic = true;
            }
        }
        for (List<TaskItem> section : List.of(play.preTasks(), play.tasks(), play.postTasks())) {
            s.items(section);
        }
        play.handlers().forEach(h -> s.item(h.task()));
        return s;
    }

    boolean dynamic() {
        return dynamic;
    }

    List<Use> uses() {
        return uses;
    }

    void collectDefined(Set<String> into) {
        into.addAll(defined);
    }

    void collectAssigned(Set<String> into) {
        into.addAll(assigned);
    }

    private void items(List<TaskItem> items) {
        items.forEach(this::item);
    }

    private void item(TaskItem item) {
        String owner = switch (item) {
            case Task t -> "task '" + t.displayName() + "'";
            case Block b -> "block '" + b.displayName() + "'";
            case IncludeTasks i -> "'" + i.displayName() + "'";
        };
        template(new TemplateText(item.name(), item.at()), owner);
        options(item.options(), owner);
        Set<String> guarded = new java.util.HashSet<>();
        item.options().conditions().when().forEach(e -> guarded.addAll(ExpressionNames.guardedBy(e.source())));
        guards.push(guarded);
        switch (item) {
            case Task t -> action(t.action(), owner);
            case Block b -> {
                items(b.block());
                items(b.rescue());
                items(b.always());
            }
            case IncludeTasks i -> {
                template(i.file(), owner);
                i.tasks().ifPresentOrElse(this::items, () -> dynamic = true);
            }
        }
        guards.pop();
    }

    private void options(TaskOptions o, String owner) {
        o.conditions().when().forEach(e -> expression(e, "'when' of " + owner));
        o.conditions().changedWhen().forEach(e -> expression(e, "'changed_when' of " + owner));
        o.conditions().failedWhen().forEach(e -> expression(e, "'failed_when' of " + owner));
        o.retry().flatMap(TaskOptions.Retry::until).ifPresent(e -> expression(e, "'until' of " + owner));
        o.register().ifPresent(assigned::add);
        o.loop().ifPresent(l -> {
            l.label().ifPresent(t -> template(t, "'loop_control' of " + owner));
            switch (l) {
                case Loop.Items items -> value(items.items(), "'" + l.keyword().yamlName + "' of " + owner);
                case Loop.FromExpression e -> template(e.template(), "'" + l.keyword().yamlName + "' of " + owner);
            }
        });
        vars(o.vars(), owner);
    }

    private void action(Action a, String owner) {
        String where = a.name() + " of " + owner;
        switch (a) {
            case Action.ModuleCall m -> m.args().values().forEach(v -> value(v, where));
            case Action.Assert as -> {
                as.that().forEach(e -> expression(e, "'that' of " + where));
                as.failMsg().ifPresent(t -> template(t, where));
                as.successMsg().ifPresent(t -> template(t, where));
            }
            case Action.Debug d -> {
                d.msg().ifPresent(v -> value(v, where));
                d.var().ifPresent(e -> expression(e, "'var' of " + where));
            }
            case Action.Fail f -> template(f.msg(), where);
            case Action.Pause p -> p.prompt().ifPresent(t -> template(t, where));
            case Action.SetFact s -> {
                s.facts().values().forEach(v -> value(v, where));
                assigned.addAll(s.facts().keySet());
            }
            case Action.WaitForPower w -> { }
        }
    }

    private void vars(Map<String, YamlValue> vars, String owner) {
        defined.addAll(vars.keySet());
        vars.forEach((k, v) -> value(v, "'" + k + "' in vars of " + owner));
    }

    private void value(YamlValue v, String where) {
        switch (v) {
            case YamlScalar s when s.isString() -> template(new TemplateText(s.text(), s.at()), where);
            case YamlScalar s -> { }
            case YamlList l -> l.items().forEach(i -> value(i, where));
            case YamlMap m -> m.members().forEach(member -> value(member.value(), where));
        }
    }

    private void template(TemplateText t, String where) {
        if (!t.isStatic()) {
            uses.add(new Use(t.at(), where, unguarded(ExpressionNames.inTemplate(t.source()))));
        }
    }

    private void expression(Expression e, String where) {
        uses.add(new Use(e.at(), where, unguarded(ExpressionNames.inExpression(e.source()))));
    }

    private Set<String> unguarded(Set<String> names) {
        Set<String> out = new java.util.LinkedHashSet<>(names);
        guards.forEach(out::removeAll);
        return out;
    }
}
