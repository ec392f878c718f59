package io.ipmirunner.expr;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import java.util.Map;
import java.util.Optional;
import jinjava.de.odysseus.el.tree.TreeBuilderException;

/**
 * Jinja2 with Ansible's meaning, the expression language of playbooks and inventories (reports are
 * FreeMarker templates of ours, in {@code report}). The executor calls {@link #evaluate} for bare
 * expressions, {@link #isTrue} for conditions, {@link #render} for {@code {{ }}} strings and {@link #resolve}
 * where a string that is one {@code "{{ x }}"} keeps x's type (a list for {@code loop}, a number for a
 * timeout), as Ansible does.
 *
 * <p>The scope is a map of plain values: inventory and play variables, registered results, facts and the
 * magic variables of {@link MagicVariables}. Undefined variables, keys and attributes are errors naming
 * them unless {@code default} or {@code is defined} looks at them ({@link Undefined}); the engine is
 * sandboxed ({@link JinjaEngine}); secrets evaluate to their mask. FreeMarker, the previous language, is
 * refused by the checks with the Jinja2 to write instead ({@link FreeMarkerSyntax}).
 */
public final class Expressions {
    /** Jinjava's name for the interpreter object, and its namespaces for filters, tests and functions. */
    private static final String REFUSED = "____int3rpr3t3r____";
    private static final java.util.regex.Pattern NAMESPACED =
            java.util.regex.Pattern.compile("\\b(filter|exptest|fn):[A-Za-z_]");

    /** The expression in {@code {{ }}} (group 1) or in an if/elif/for/set statement (group 2). */
    private static final java.util.regex.Pattern STATEMENT_EXPRESSION = java.util.regex.Pattern.compile(
            "\\{\\{-?\\s*(.*?)\\s*-?}}|\\{%-?\\s*(?:if|elif|for\\s+\\w+(?:\\s*,\\s*\\w+)?\\s+in|set\\s+\\w+\\s*=)"
                    + "\\s+(.*?)\\s*-?%}", java.util.regex.Pattern.DOTALL);

    private Expressions() {}

    /** True when the text holds a {@code {{ }}} expression, a {@code {% %}} statement or a comment. */
    public static boolean isTemplate(String text) {
        return text.contains("{{") || text.contains("{%") || text.contains("{#");
    }

    /** Empty when {@code source} parses as a bare expression; else why not, with a position in the text. */
    public static Optional<ExpressionException> checkExpression(String source) {
        if (source.isBlank()) {
            return Optional.of(new ExpressionException("empty expression", 1, 1));
        }
        int braces = source.indexOf("{{");
        if (braces >= 0) {
            return Optional.of(positioned(source, braces, "a bare expression is expected here, without {{ }}: "
                    + "write " + source.replace("{{", "").replace("}}", "").strip().replaceAll("\\s+", " ")));
        }
        Optional<ExpressionException> freemarker = FreeMarkerSyntax.inExpression(source);
        return freemarker.isPresent() ? freemarker : parse(source, 0, source);
    }

    /** Empty when {@code source} parses as a template. */
    public static Optional<ExpressionException> checkTemplate(String source) {
        Optional<ExpressionException> freemarker = FreeMarkerSyntax.inTemplate(source);
        if (freemarker.isPresent() || !isTemplate(source)) {
            return freemarker;
        }
        if (!TemplateParts.isSimple(source)) {
            return statementErrors(source);
        }
        try {
            for (TemplateParts.Part p : TemplateParts.of(source).parts()) {
                if (p instanceof TemplateParts.Expr e) {
                    Optional<ExpressionException> error = e.source().isBlank()
                            ? Optional.of(positioned(source, e.offset(), "empty expression in {{ }}"))
                            : parse(e.source(), e.offset(), source);
                    if (error.isPresent()) {
                        return error;
                    }
                }
            }
            return Optional.empty();
        } catch (ExpressionException e) {
            return Optional.of(e);
        }
    }

    /** The value of a bare expression, as plain Java (Map, List, String, Boolean, Long, Double, null). */
    public static Object evaluate(String expression, Map<String, Object> scope) throws ExpressionException {
        return evaluate(Prepared.bare(expression), scope);
    }

    private static Object evaluate(Prepared.Bare expression, Map<String, Object> scope) throws ExpressionException {
        if (expression.refusal() != null) {
            throw new ExpressionException(expression.refusal());
        }
        if (expression.lookup() != null) {
            Object value = expression.lookup().find(scope);
            if (value != Lookup.MISS) {
                return value;
            }
        }
        String text = expression.engineText();
        return JinjaEngine.pooled(scope, i -> PyValues.deepPlain(i.resolveELExpression(text, 1)));
    }

    /** A condition, true or false as Python's truth of the value (as Ansible's {@code when}). */
    public static boolean isTrue(String expression, Map<String, Object> scope) throws ExpressionException {
        Prepared.Bare b = Prepared.bare(expression);
        if (b.refusal() == null && b.condition() != null && b.condition().test(scope) instanceof Boolean t) {
            return t;
        }
        return PyValues.truthy(evaluate(b, scope));
    }

    /** The template as text; values inside text print as Python prints them (True, None, ['a']). */
    public static String render(String template, Map<String, Object> scope) throws ExpressionException {
        return switch (Prepared.template(template)) {
            case Prepared.Static s -> template;
            case Prepared.Single s -> PyValues.str(evaluate(s.expression(), scope));
            case Prepared.Parts p -> {
                StringBuilder out = new StringBuilder();
                for (Object part : p.parts()) {
                    out.append(part instanceof Prepared.Bare e ? PyValues.str(evaluate(e, scope)) : (String) part);
                }
                yield out.toString();
            }
            case Prepared.Whole w -> {
                if (w.refusal() != null) {
                    throw new ExpressionException(w.refusal());
                }
                yield JinjaEngine.with(scope, i -> i.render(template));
            }
        };
    }

    /** A string that is exactly one {@code {{ expr }}} gives the expression's value with its type; others render. */
    public static Object resolve(String template, Map<String, Object> scope) throws ExpressionException {
        Prepared.Template t = Prepared.template(template);
        return t instanceof Prepared.Single s ? evaluate(s.expression(), scope) : render(template, scope);
    }

    /**
     * As Ansible's templar: a backslash inside a string literal is a backslash ({@code regex_replace('(a)',
     * '\\1')} as written in a double-quoted YAML string refers to group 1), so each one is doubled before the
     * engine reads the literal.
     */
    static String literalBackslashes(String expression) {
        if (expression.indexOf('\\') < 0) {
            return expression;
        }
        StringBuilder out = new StringBuilder(expression.length() + 8);
        char quote = 0;
        for (char c : expression.toCharArray()) {
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            }
            out.append(c == '\\' && quote != 0 ? "\\\\" : String.valueOf(c));
        }
        return out.toString();
    }

    /**
     * Why the run refuses a text that did not come through a check (inventory values), as the check does;
     * null when it does not.
     */
    static String refusal(String text) {
        return text.contains(REFUSED) || NAMESPACED.matcher(text).find() ? "'" + REFUSED + "' and 'filter:', "
                + "'exptest:', 'fn:' names are not allowed in an expression" : null;
    }

    private static Optional<ExpressionException> parse(String expression, int offset, String text) {
        int refused = expression.indexOf(REFUSED);
        if (refused >= 0) {
            return Optional.of(positioned(text, offset + refused, "'" + REFUSED + "' is not allowed in an expression"));
        }
        java.util.regex.Matcher namespaced = NAMESPACED.matcher(expression);
        if (namespaced.find()) {
            return Optional.of(positioned(text, offset + namespaced.start(), "'" + namespaced.group(1)
                    + ":' names are Jinjava's internals, not Jinja2: use | filter and 'is' test"));
        }
        try {
            new ExtendedSyntaxBuilder().build("#{" + literalBackslashes(expression) + "}");
            return Optional.empty();
        } catch (TreeBuilderException e) {
            int at = Math.max(0, Math.min(expression.length(), e.getPosition() - 2));
            String found = e.getEncountered();
            return Optional.of(positioned(text, offset + at, "expression syntax error: "
                    + (found == null || found.equals("<EOF>") || at >= expression.length()
                    ? "unexpected end of expression" : "unexpected " + found)));
        }
    }

    /**
     * A template with statements: Jinjava's parse finds unbalanced tags; the expressions of {@code {{ }}},
     * {@code if}, {@code elif}, {@code for ... in} and {@code set} are parsed one by one, so a syntax error
     * inside them is found by check too, at its place.
     */
    private static Optional<ExpressionException> statementErrors(String template) {
        try {
            JinjaEngine.with(Map.of(), i -> i.parse(template));
        } catch (ExpressionException e) {
            return Optional.of(e);
        }
        java.util.regex.Matcher m = STATEMENT_EXPRESSION.matcher(template);
        while (m.find()) {
            int group = m.group(1) != null ? 1 : 2;
            Optional<ExpressionException> error = parse(m.group(group), m.start(group), template);
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }

    /** An error at {@code offset} of {@code text}, as line and column. */
    static ExpressionException positioned(String text, int offset, String message) {
        int line = 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
        int column = offset - text.lastIndexOf('\n', offset - 1);
        return new ExpressionException(message, line, column);
    }
}
