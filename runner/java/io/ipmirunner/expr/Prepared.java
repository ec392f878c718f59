package io.ipmirunner.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What evaluating a text needs that depends on the text alone, worked out once per distinct text and kept:
 * a playbook's expressions are evaluated once per host and task, 10,000 times at 10,000 hosts, and redoing
 * this each time cost more than Jinjava's evaluation (JFR over ExpressionBench: the regular expression that
 * refuses Jinjava's internal names alone was 29% of a host-task's samples; cutting templates into parts 6%).
 * Jinjava keeps its own parsed trees. At most {@link #KEPT} texts of each kind are kept (a per-host
 * inventory value is a text of its own); past that a text is prepared for each use, as before.
 */
final class Prepared {
    private static final int KEPT = 20_000;
    private static final Map<String, Bare> BARE = new ConcurrentHashMap<>();
    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();

    private Prepared() {}

    /**
     * A bare expression: why it is refused (null when it is not), its text as the engine reads it (literal
     * backslashes doubled), its direct {@link Lookup} and its {@link Condition} when it has them. The refusal is raised when the
     * expression is evaluated, so errors come in the order the parts are evaluated, as before.
     */
    record Bare(String refusal, String engineText, Lookup lookup, Condition condition) {}

    /**
     * A template: static text (no {@code {{ }}}), exactly one expression (whose value keeps its type), text and
     * expressions to join, or statements that Jinjava renders whole.
     */
    sealed interface Template {}

    record Static() implements Template {}

    record Single(Bare expression) implements Template {}

    /** Each part a String of literal text or a {@link Bare} expression, in order. */
    record Parts(List<Object> parts) implements Template {}

    record Whole(String refusal) implements Template {}

    static Bare bare(String expression) {
        Bare b = BARE.get(expression);
        if (b == null) {
            b = new Bare(Expressions.refusal(expression), Expressions.literalBackslashes(expression),
                    Lookup.of(expression), Condition.compile(expression));
            keep(BARE, expression, b);
        }
        return b;
    }

    /** The prepared template; an unclosed {@code {{} is an error each time (not kept). */
    static Template template(String text) throws ExpressionException {
        Template t = TEMPLATES.get(text);
        if (t == null) {
            t = prepare(text);
            keep(TEMPLATES, text, t);
        }
        return t;
    }

    private static Template prepare(String text) throws ExpressionException {
        if (!Expressions.isTemplate(text)) {
            return new Static();
        }
        if (!TemplateParts.isSimple(text)) {
            return new Whole(Expressions.refusal(text));
        }
        TemplateParts cut = TemplateParts.of(text);
        if (cut.single() != null) {
            return new Single(bare(cut.single()));
        }
        List<Object> parts = new ArrayList<>(cut.parts().size());
        for (TemplateParts.Part p : cut.parts()) {
            parts.add(switch (p) {
                case TemplateParts.Text s -> s.text();
                case TemplateParts.Expr e -> bare(e.source());
            });
        }
        return new Parts(List.copyOf(parts));
    }

    private static <V> void keep(Map<String, V> kept, String text, V value) {
        if (kept.size() < KEPT) {
            kept.putIfAbsent(text, value);
        }
    }
}
