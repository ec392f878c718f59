package io.ipmirunner.playbook;

import io.ipmirunner.expr.Expression;
import io.ipmirunner.expr.ExpressionException;
import io.ipmirunner.expr.Expressions;
import io.ipmirunner.expr.TemplateText;
import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.MapReader;
import io.ipmirunner.yaml.Problems;
import io.ipmirunner.yaml.YamlList;
import io.ipmirunner.yaml.YamlMap;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads expressions and templates out of YAML values, parsing each with Jinja2 at load time, so a syntax
 * error is reported at its file, line and column before anything runs.
 */
final class ExpressionReader {
    private ExpressionReader() {}

    /** A condition keyword: an expression, {@code true}/{@code false}, or a list of them (all must hold). */
    static List<Expression> conditions(YamlValue v, String what, Problems problems) {
        List<Expression> out = new ArrayList<>();
        for (YamlValue item : v instanceof YamlList l ? l.items() : List.of(v)) {
            expression(item, what, problems).ifPresent(out::add);
        }
        return out;
    }

    static Optional<Expression> expression(YamlValue v, String what, Problems problems) {
        if (v instanceof YamlScalar s && s.kind() == YamlScalar.Kind.BOOLEAN) {
            return Optional.of(new Expression(String.valueOf(s.value()), s.at()));
        }
        if (!(v instanceof YamlScalar s) || s.kind() == YamlScalar.Kind.NULL || s.kind() == YamlScalar.Kind.VAULT) {
            problems.add(v.at(), what + " must be an expression, found " + v.describe());
            return Optional.empty();
        }
        Optional<ExpressionException> error = Expressions.checkExpression(s.text());
        if (error.isPresent()) {
            problems.add(position(s, error.get()), what + ": " + error.get().getMessage());
            return Optional.empty();
        }
        return Optional.of(new Expression(s.text(), s.at()));
    }

    static Optional<TemplateText> template(YamlValue v, String what, Problems problems) {
        return MapReader.asString(v, what, problems).flatMap(text -> {
            Optional<ExpressionException> error = Expressions.checkTemplate(text);
            if (error.isPresent()) {
                problems.add(position((YamlScalar) v, error.get()), what + ": " + error.get().getMessage());
                return Optional.empty();
            }
            return Optional.of(new TemplateText(text, v.at()));
        });
    }

    /** Checks every string inside a value (set_fact values, debug msg, module arguments) as a template. */
    static boolean checkTemplates(YamlValue v, String what, Problems problems) {
        boolean ok = true;
        switch (v) {
            case YamlScalar s -> ok = !s.isString() || template(s, what, problems).isPresent();
            case YamlList l -> {
                for (YamlValue item : l.items()) {
                    ok &= checkTemplates(item, what, problems);
                }
            }
            case YamlMap m -> {
                for (YamlMap.Member member : m.members()) {
                    ok &= checkTemplates(member.value(), what, problems);
                }
            }
        }
        return ok;
    }

    /** The error's place in the file: exact on one-line scalars (plain or quoted), else the scalar's start. */
    private static Location position(YamlScalar s, ExpressionException e) {
        if (e.line() == 1 && !s.text().contains("\n") && e.column() > 0) {
            return s.at().shifted(e.column() - 1 + (s.plain() ? 0 : 1));
        }
        return s.at();
    }
}
