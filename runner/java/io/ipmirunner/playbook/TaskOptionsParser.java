package io.ipmirunner.playbook;

import io.ipmirunner.expr.Expression;
import io.ipmirunner.expr.Expressions;
import io.ipmirunner.expr.TemplateText;
import io.ipmirunner.yaml.MapReader;
import io.ipmirunner.yaml.Problems;
import io.ipmirunner.yaml.YamlList;
import io.ipmirunner.yaml.YamlMap;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads the keywords of a task, block or include into {@link TaskOptions}. */
final class TaskOptionsParser {
    /** Every keyword a task may have, besides {@code name} and its action. */
    static final List<String> TASK_KEYWORDS = List.of("when", "register", "loop", "retries", "delay", "until",
            "backoff", "ignore_errors", "changed_when", "failed_when", "notify", "tags", "timeout", "throttle", "stagger",
            "run_once", "vars", "loop_control", "with_items");
    static final List<String> BLOCK_KEYWORDS = List.of("when", "tags", "ignore_errors", "vars", "throttle", "timeout",
            "run_once");
    static final List<String> INCLUDE_KEYWORDS = List.of("when", "tags", "vars", "loop");
    private static final int MAX_RETRIES = 10_000;
    private static final double MAX_BACKOFF_FACTOR = 10;

    private TaskOptionsParser() {}

    /** A task's keywords, where {@code backoff} without retries to pace is a mistake worth naming. */
    static TaskOptions readTask(MapReader r) {
        TaskOptions options = read(r);
        if (options.retry().isEmpty()) {
            r.value("backoff").ifPresent(v -> r.problems().add(v.at(), "'backoff' of " + r.owner()
                    + " paces retries, so it needs 'retries' or 'until'"));
        }
        return options;
    }

    static TaskOptions read(MapReader r) {
        String owner = r.owner();
        Problems problems = r.problems();
        List<Expression> when = r.value("when").map(v -> ExpressionReader.conditions(v, "'when' of " + owner,
                problems)).orElse(List.of());
        List<Expression> changedWhen = r.value("changed_when").map(v -> ExpressionReader.conditions(v,
                "'changed_when' of " + owner, problems)).orElse(List.of());
        List<Expression> failedWhen = r.value("failed_when").map(v -> ExpressionReader.conditions(v,
                "'failed_when' of " + owner, problems)).orElse(List.of());
        Optional<String> register = r.string("register").filter(name -> VariableNames.check(name,
                r.value("register").orElseThrow().at(), "'register' of " + owner + ":", problems));
        TaskOptions.Pacing pacing = new TaskOptions.Pacing(
                r.integer("throttle", 1, Integer.MAX_VALUE).map(OptionalInt::of).orElse(OptionalInt.empty()),
                r.duration("stagger"), r.duration("timeout"), r.bool("run_once").orElse(false));
        return new TaskOptions(new TaskOptions.Conditions(when, changedWhen, failedWhen), register, loop(r),
                retry(r), r.bool("ignore_errors").orElse(false), r.stringList("notify", false),
                r.stringList("tags", true), pacing, vars(r));
    }

    /** Ansible retries only with {@code retries} or {@code until}; {@code delay} alone is accepted and idle there. */
    private static Optional<TaskOptions.Retry> retry(MapReader r) {
        Optional<Duration> delay = r.duration("delay");
        Optional<TaskOptions.Backoff> backoff = r.mapping("backoff").flatMap(m -> backoff(
                new MapReader(m, "'backoff' of " + r.owner(), r.problems()), delay));
        if (!r.has("retries") && !r.has("until")) {
            return Optional.empty();
        }
        int retries = r.integer("retries", 0, MAX_RETRIES).orElse(TaskOptions.Retry.DEFAULT_RETRIES);
        Optional<Expression> until = r.value("until").flatMap(v -> ExpressionReader.expression(v,
                "'until' of " + r.owner(), r.problems()));
        return Optional.of(new TaskOptions.Retry(retries, delay.orElse(TaskOptions.Retry.DEFAULT_DELAY), until,
                backoff));
    }

    /** {@code backoff: {factor: 2, max: 1m, jitter: 0.2}}; each member may be left out for its default. */
    private static Optional<TaskOptions.Backoff> backoff(MapReader b, Optional<Duration> delay) {
        b.allowOnly(List.of("factor", "max", "jitter"));
        double factor = b.number("factor", 1, MAX_BACKOFF_FACTOR).orElse(TaskOptions.Backoff.DEFAULT_FACTOR);
        double jitter = b.number("jitter", 0, 1).orElse(TaskOptions.Backoff.DEFAULT_JITTER);
        Duration first = delay.orElse(TaskOptions.Retry.DEFAULT_DELAY);
        Optional<Duration> max = b.duration("max");
        if (max.isPresent() && max.get().compareTo(first) < 0) {
            b.problems().add(b.value("max").orElseThrow().at(), "'max' in " + b.owner() + " (" + seconds(max.get())
                    + ") is shorter than the first pause, the task's 'delay' (" + seconds(first) + ")");
            return Optional.empty();
        }
        Duration cap = max.orElse(first.compareTo(TaskOptions.Backoff.DEFAULT_MAX) > 0 ? first
                : TaskOptions.Backoff.DEFAULT_MAX);
        return Optional.of(new TaskOptions.Backoff(factor, cap, jitter));
    }

    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + "s";
    }

    /** {@code vars} of a play, block or task: valid names; strings in values parse as templates. */
    static Map<String, YamlValue> vars(MapReader r) {
        Map<String, YamlValue> out = new LinkedHashMap<>();
        r.mapping("vars").ifPresent(m -> {
            for (YamlMap.Member member : m.members()) {
                if (VariableNames.check(member.name(), member.key().at(), "variable in 'vars' of " + r.owner() + ":",
                        r.problems())
                        && ExpressionReader.checkTemplates(member.value(), "'" + member.name() + "' in vars of "
                        + r.owner(), r.problems())) {
                    out.put(member.name(), member.value());
                }
            }
        });
        return out;
    }

    private static Optional<Loop> loop(MapReader r) {
        Optional<TemplateText> label = r.mapping("loop_control").flatMap(control -> {
            MapReader c = new MapReader(control, "'loop_control' of " + r.owner(), r.problems());
            c.allowOnly(List.of("label"));
            return c.value("label").flatMap(v -> ExpressionReader.template(v, "'label' of 'loop_control' of "
                    + r.owner(), r.problems()));
        });
        if (r.value("loop").isPresent() && r.value("with_items").isPresent()) {
            r.problems().add(r.value("with_items").get().at(), r.owner() + " has both 'loop' and 'with_items': "
                    + "a task loops once");
            return Optional.empty();
        }
        Loop.Keyword keyword = r.value("with_items").isPresent() ? Loop.Keyword.WITH_ITEMS : Loop.Keyword.LOOP;
        if (label.isPresent() && r.value(keyword.yamlName).isEmpty()) {
            r.problems().add(label.get().at(), "'loop_control' of " + r.owner() + " needs a 'loop'");
        }
        return r.value(keyword.yamlName).flatMap(v -> {
            String what = "'" + keyword.yamlName + "' of " + r.owner();
            if (v instanceof YamlList l) {
                return ExpressionReader.checkTemplates(l, what, r.problems())
                        ? Optional.of(new Loop.Items(l, label, keyword)) : Optional.empty();
            }
            if (v instanceof YamlScalar s && s.isString() && Expressions.isTemplate(s.text())) {
                Optional<TemplateText> t = ExpressionReader.template(s, what, r.problems());
                return t.map(template -> new Loop.FromExpression(template, label, keyword));
            }
            if (keyword == Loop.Keyword.WITH_ITEMS && v instanceof YamlScalar s) {
                // Ansible's listify_lookup_plugin_terms: a single value is a list of one.
                return Optional.of(new Loop.Items(new YamlList(List.of(s), s.at()), label, keyword));
            }
            r.problems().add(v.at(), what + " must be a list or a {{ ... }} expression that gives one, found "
                    + v.describe());
            return Optional.empty();
        });
    }
}
