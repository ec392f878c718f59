package io.ipmirunner.playbook;

import io.ipmirunner.modules.Modules;
import io.ipmirunner.expr.Expression;
import io.ipmirunner.expr.TemplateText;
import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.MapReader;
import io.ipmirunner.yaml.Problems;
import io.ipmirunner.yaml.YamlMap;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Reads a task's action: a registered module's call, or a built-in action with its typed arguments. */
final class ActionParser {
    private ActionParser() {}

    /** Every action a task may name now: the registered modules and the built-ins. */
    static TreeSet<String> known() {
        TreeSet<String> all = new TreeSet<>(Modules.names());
        all.addAll(Action.BUILT_IN);
        return all;
    }

    static Optional<Action> parse(String action, YamlValue value, Location at, String owner, Problems problems) {
        String what = action + " in " + owner;
        Optional<Map<String, YamlValue>> args = ModuleArgsCheck.arguments(value, what, problems);
        if (args.isEmpty()) {
            return Optional.empty();
        }
        if (!Action.BUILT_IN.contains(action)) {
            boolean ok = true;
            for (Map.Entry<String, YamlValue> e : args.get().entrySet()) {
                ok &= ExpressionReader.checkTemplates(e.getValue(), "argument '" + e.getKey() + "' of " + what,
                        problems);
            }
            return ok && ModuleArgsCheck.validate(action, args.get(), at, problems)
                    ? Optional.of(new Action.ModuleCall(action, args.get(), at)) : Optional.empty();
        }
        YamlMap map = value instanceof YamlMap written ? written : new YamlMap(args.get().entrySet().stream()
                .map(e -> new YamlMap.Member(YamlScalar.string(e.getKey(), e.getValue().at()), e.getValue()))
                .toList(), value.at());
        MapReader r = new MapReader(map, what, problems);
        int before = problems.size();
        Action parsed = switch (action) {
            case "assert" -> assertion(r, at, what, problems);
            case "debug" -> debug(r, at, what, problems);
            case "fail" -> {
                r.allowOnly(List.of("msg"));
                yield new Action.Fail(r.value("msg").flatMap(v -> ExpressionReader.template(v, "'msg' of " + what,
                        problems)).orElse(new TemplateText("Failed as requested from task", at)), at);
            }
            case "pause" -> pause(r, at, what, problems);
            case "set_fact" -> setFact(map, at, what, problems);
            default -> waitForPower(r, at, what, problems);
        };
        return problems.size() == before ? Optional.ofNullable(parsed) : Optional.empty();
    }

    private static Action assertion(MapReader r, Location at, String what, Problems problems) {
        r.allowOnly(List.of("that", "fail_msg", "msg", "success_msg", "quiet"));
        if (!r.has("that")) {
            problems.add(at, what + " needs 'that': the conditions to check");
            return null;
        }
        List<Expression> that = ExpressionReader.conditions(r.value("that").orElseThrow(), "'that' of " + what,
                problems);
        Optional<TemplateText> failMsg = r.value(r.has("fail_msg") ? "fail_msg" : "msg")
                .flatMap(v -> ExpressionReader.template(v, "'fail_msg' of " + what, problems));
        Optional<TemplateText> successMsg = r.value("success_msg")
                .flatMap(v -> ExpressionReader.template(v, "'success_msg' of " + what, problems));
        return new Action.Assert(that, failMsg, successMsg, r.bool("quiet").orElse(false), at);
    }

    private static Action debug(MapReader r, Location at, String what, Problems problems) {
        r.allowOnly(List.of("msg", "var"));
        if (r.has("msg") && r.has("var")) {
            problems.add(at, what + " takes msg or var, not both");
            return null;
        }
        Optional<YamlValue> msg = r.value("msg");
        msg.ifPresent(m -> ExpressionReader.checkTemplates(m, "'msg' of " + what, problems));
        Optional<Expression> var = r.value("var").flatMap(v -> ExpressionReader.expression(v, "'var' of " + what,
                problems));
        if (msg.isEmpty() && var.isEmpty()) {
            msg = Optional.of(YamlScalar.string("Hello world!", at));
        }
        return new Action.Debug(msg, var, at);
    }

    private static Action pause(MapReader r, Location at, String what, Problems problems) {
        r.allowOnly(List.of("seconds", "minutes", "prompt"));
        if (r.has("seconds") && r.has("minutes")) {
            problems.add(at, what + " takes seconds or minutes, not both");
            return null;
        }
        Optional<Duration> d = r.has("minutes") ? r.duration("minutes").map(m -> Duration.ofMillis(m.toMillis() * 60))
                : r.duration("seconds");
        Optional<TemplateText> prompt = r.value("prompt").flatMap(v -> ExpressionReader.template(v,
                "'prompt' of " + what, problems));
        return new Action.Pause(d, prompt, at);
    }

    private static Action setFact(YamlMap facts, Location at, String what, Problems problems) {
        if (facts.isEmpty()) {
            problems.add(at, what + " needs at least one name: value");
            return null;
        }
        for (YamlMap.Member m : facts.members()) {
            VariableNames.check(m.name(), m.key().at(), "variable name in " + what, problems);
            ExpressionReader.checkTemplates(m.value(), "'" + m.name() + "' of " + what, problems);
        }
        return new Action.SetFact(facts.asMap(), at);
    }

    private static Action waitForPower(MapReader r, Location at, String what, Problems problems) {
        r.allowOnly(List.of("state", "timeout", "interval"));
        Optional<YamlValue> stateValue = r.value("state");
        if (stateValue.isEmpty()) {
            problems.add(at, what + " needs 'state': on or off");
            return null;
        }
        String state = stateValue.get() instanceof YamlScalar s && s.kind() == YamlScalar.Kind.BOOLEAN
                && s.isYaml11BooleanWord() ? s.text().toLowerCase(java.util.Locale.ROOT)
                : r.string("state").orElse("");
        if (!state.equals("on") && !state.equals("off")) {
            problems.add(stateValue.get().at(), "'state' of " + what + " must be on or off, found "
                    + stateValue.get().describe());
            return null;
        }
        return new Action.WaitForPower(state, r.duration("timeout").orElse(Action.WaitForPower.DEFAULT_TIMEOUT),
                r.duration("interval").orElse(Action.WaitForPower.DEFAULT_INTERVAL), at);
    }
}
