package io.ipmirunner.expr;

import freemarker.core.Environment;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FreeMarker, the one expression language of playbooks and reports. The executor calls {@link #evaluate}
 * for bare expressions, {@link #isTrue} for conditions, {@link #render} for {@code ${...}} strings and
 * {@link #resolve} where a whole {@code "${x}"} should keep its type (a list for {@code loop}).
 *
 * <p>The scope is a map of plain values: inventory and play variables, registered results, facts and the
 * magic variables of {@link MagicVariables}. FreeMarker is locked down: no {@code ?new}, no {@code ?api},
 * no template loading, no Java methods on objects ({@link Sandbox} refuses such text as it compiles, and the
 * configuration again as it runs); secrets render as their mask.
 */
public final class Expressions {
    private static final String RESULT = "ipmi_runner_result__";
    private static final String BARE_PREFIX = "<#assign " + RESULT + " = (";
    private static final Pattern UNCLOSED = Pattern.compile("unclosed \"(.*?)\"");
    private static final Pattern ENCOUNTERED = Pattern.compile("Encountered \"(.*?)\", but");
    private static final Pattern WHOLE_INTERPOLATION = Pattern.compile("\\$\\{([^{}]*)}");
    private static final Configuration CONFIG = configuration();
    private static final int CACHE_SIZE = 4096;
    private static final Map<String, Template> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Template> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    private Expressions() {}

    /** True when the text holds a {@code ${} interpolation or a FreeMarker directive. */
    public static boolean isTemplate(String text) {
        return text.contains("${") || text.contains("<#") || text.contains("</#");
    }

    /** Empty when {@code source} parses as a bare expression; else why not, with a position in the text. */
    public static Optional<ExpressionException> checkExpression(String source) {
        if (source.isBlank()) {
            return Optional.of(new ExpressionException("empty expression", 1, 1));
        }
        Optional<ExpressionException> jinja = jinja(source);
        if (jinja.isPresent()) {
            return jinja;
        }
        if (source.contains("${")) {
            return Optional.of(new ExpressionException("a bare expression is expected here, without ${...}: write "
                    + source.replaceAll("\\$\\{([^}]*)}", "$1").strip(), 1, source.indexOf("${") + 1));
        }
        try {
            compiled(bare(source));
            return Optional.empty();
        } catch (ExpressionException e) {
            if (e.line() != 1) {
                return Optional.of(e);
            }
            int column = e.column() - BARE_PREFIX.length();
            return Optional.of(column > source.length()
                    ? new ExpressionException("expression syntax error: unexpected end of expression", 1,
                            source.length() + 1)
                    : new ExpressionException(e.getMessage(), 1, Math.max(1, column)));
        }
    }

    /** Empty when {@code source} parses as a template ({@code ${...}} interpolations in text). */
    public static Optional<ExpressionException> checkTemplate(String source) {
        Optional<ExpressionException> jinja = jinja(source);
        if (jinja.isPresent() || !isTemplate(source)) {
            return jinja;
        }
        try {
            compiled(source);
            return Optional.empty();
        } catch (ExpressionException e) {
            return Optional.of(e);
        }
    }

    /** The value of a bare expression, as plain Java (Map, List, String, Boolean, Long, Double, null). */
    public static Object evaluate(String expression, Map<String, Object> scope) throws ExpressionException {
        Environment env = run(compiled(bare(expression)), scope, Writer.nullWriter());
        try {
            return normalize(DeepUnwrap.unwrap(env.getMainNamespace().get(RESULT)));
        } catch (TemplateModelException e) {
            throw new ExpressionException("cannot use the value of '" + expression + "': " + firstLine(e));
        }
    }

    /** A condition: the expression must give true or false (no Jinja-style truthiness of strings or lists). */
    public static boolean isTrue(String expression, Map<String, Object> scope) throws ExpressionException {
        Object v = evaluate(expression, scope);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new ExpressionException("'" + expression + "' must give true or false, gave "
                + (v == null ? "nothing" : v instanceof String s ? "the string '" + s + "'"
                : v instanceof Number n ? "the number " + n : v instanceof java.util.List ? "a list"
                : v instanceof Map ? "a mapping" : "'" + v + "'"));
    }

    /** The template as text. */
    public static String render(String template, Map<String, Object> scope) throws ExpressionException {
        if (!isTemplate(template)) {
            return template;
        }
        StringWriter out = new StringWriter();
        run(compiled(template), scope, out);
        return out.toString();
    }

    /** A string that is exactly one {@code ${expr}} gives the expression's value with its type; others render. */
    public static Object resolve(String template, Map<String, Object> scope) throws ExpressionException {
        Matcher m = WHOLE_INTERPOLATION.matcher(template.strip());
        return m.matches() ? evaluate(m.group(1), scope) : render(template, scope);
    }

    private static String bare(String expression) {
        return BARE_PREFIX + expression + ")>";
    }

    private static Template compiled(String text) throws ExpressionException {
        Template t = CACHE.get(text);
        if (t != null) {
            return t;
        }
        try {
            t = new Template("expression", new StringReader(text), CONFIG);
        } catch (ParseException e) {
            throw new ExpressionException(syntaxMessage(e), e.getLineNumber(), e.getColumnNumber());
        } catch (IOException e) {
            throw new ExpressionException("cannot read expression: " + e.getMessage());
        }
        Optional<ExpressionException> refused = Sandbox.refusal(t, text);
        if (refused.isPresent()) {
            throw refused.get();
        }
        CACHE.put(text, t);
        return t;
    }

    private static Environment run(Template t, Map<String, Object> scope, Writer out) throws ExpressionException {
        try {
            Environment env = t.createProcessingEnvironment(scope, out);
            env.process();
            return env;
        } catch (InvalidReferenceException e) {
            String blamed = e.getBlamedExpressionString();
            throw new ExpressionException(blamed == null ? firstLine(e) : "'" + blamed + "' is undefined");
        } catch (TemplateException e) {
            throw new ExpressionException(firstLine(e));
        } catch (IOException e) {
            throw new ExpressionException("cannot write template output: " + e.getMessage());
        }
    }

    private static Optional<ExpressionException> jinja(String source) {
        int at = source.indexOf("{{");
        if (at >= 0 && source.indexOf("}}", at) > at) {
            return Optional.of(new ExpressionException("Jinja2 '{{ ... }}' is not supported: ipmi-runner uses "
                    + "FreeMarker, write ${...} in strings and bare expressions in conditions", 1, at + 1));
        }
        return Optional.empty();
    }

    private static String syntaxMessage(ParseException e) {
        String m = e.getEditorMessage() == null ? e.getMessage() : e.getEditorMessage();
        String first = m.lines().findFirst().orElse(m).replace(RESULT, "").strip();
        Matcher unclosed = UNCLOSED.matcher(first);
        if (first.startsWith("Unexpected end of file") && unclosed.find()) {
            return "expression syntax error: unclosed '" + unclosed.group(1) + "' at the end of the text";
        }
        Matcher encountered = ENCOUNTERED.matcher(first);
        return "expression syntax error: " + (encountered.lookingAt() ? "unexpected '" + encountered.group(1) + "'"
                : first);
    }

    /** FreeMarker's first message line, without its Java wrapper class names. */
    private static String firstLine(Exception e) {
        String m = e instanceof TemplateException te && te.getMessageWithoutStackTop() != null
                ? te.getMessageWithoutStackTop() : String.valueOf(e.getMessage());
        String first = m.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(m);
        return first.replaceAll("\\s*\\(wrapper: [^)]*\\)", "").replaceAll(":$", "");
    }

    /** FreeMarker arithmetic gives BigDecimal; callers expect Long for whole numbers and Double otherwise. */
    private static Object normalize(Object v) {
        if (v instanceof java.math.BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException notWhole) {
                return d.doubleValue();
            }
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        return v;
    }

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setObjectWrapper(new MaskingObjectWrapper());
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        c.setNumberFormat("computer");
        c.setBooleanFormat("c");
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setInterpolationSyntax(Configuration.DOLLAR_INTERPOLATION_SYNTAX);
        c.setTagSyntax(Configuration.ANGLE_BRACKET_TAG_SYNTAX);
        c.setFallbackOnNullLoopVariable(false);
        return c;
    }
}
