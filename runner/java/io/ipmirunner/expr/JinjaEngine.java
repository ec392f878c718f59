package io.ipmirunner.expr;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.JinjavaObjectUnwrapper;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.loader.ResourceNotFoundException;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.yaml.VaultValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one Jinjava instance playbook and inventory expressions run on, locked down: values reach only
 * {@link SandboxResolver}'s keys, items and Python methods; no template can be loaded ({@code include},
 * {@code import}, {@code from}, {@code extends} are disabled and the resource locator finds nothing); sizes
 * are bounded; secrets and vault values are their mask before any filter sees them. A variable that nothing
 * defines is {@link Undefined}, not null, so a variable set to null stays defined, as in Ansible.
 */
final class JinjaEngine {
    static final long MAX_TEXT = 1 << 20;
    static final int MAX_ITEMS = 100_000;
    private static final Map<Context.Library, Set<String>> DISABLED = Map.of(
            Context.Library.TAG, Set.of("include", "import", "from", "extends", "block", "macro", "call"),
            Context.Library.FUNCTION, Set.of("today", "unixtimestamp", "datetimeformat", "strtotime", "strtodate",
                    "format_date", "format_datetime", "format_time", "super", "type"));
    private static final Jinjava JINJAVA = create();

    private JinjaEngine() {}

    /** True when Jinjava's own context holds {@code name}: it is looked up there before the scope. */
    static boolean isGlobal(String name) {
        return JINJAVA.getGlobalContext().containsKey(name);
    }

    private static Jinjava create() {
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withElResolver(new SandboxResolver())
                .withObjectUnwrapper(new MaskingUnwrapper())
                .withDisabled(DISABLED)
                .withMaxOutputSize(MAX_TEXT)
                .withMaxStringLength(MAX_TEXT)
                .withMaxListSize(MAX_ITEMS)
                .withMaxMapSize(MAX_ITEMS)
                .withRangeLimit(MAX_ITEMS)
                .withMaxRenderDepth(1)
                .withNestedInterpretationEnabled(false)
                .withTimeZone(java.time.ZoneOffset.UTC)
                .withLocale(java.util.Locale.ROOT)
                .build();
        Jinjava j = new Jinjava(config);
        j.setResourceLocator((name, encoding, interpreter) -> {
            throw new ResourceNotFoundException("an expression cannot load files: " + name);
        });
        AnsibleFilters.all().forEach(f -> j.getGlobalContext().registerFilter(f));
        AnsibleTests.all().forEach(t -> j.getGlobalContext().registerExpTest(t));
        return j;
    }

    /**
     * Runs {@code work} with an interpreter over {@code scope}; Jinjava's errors become one message. A new
     * interpreter costs more than most expressions (Jinjava registers every function in each), so bare
     * expressions borrow one from a small pool: an expression cannot write into its context ({@code set} and
     * {@code for} are statements), so nothing of one host's evaluation is left for the next.
     */
    static <T> T with(Map<String, Object> scope, Work<T> work) throws ExpressionException {
        return run(fresh(scope), work);
    }

    /** As {@link #with} for a bare expression, on a pooled interpreter. */
    static <T> T pooled(Map<String, Object> scope, Work<T> work) throws ExpressionException {
        Pooled p = POOL.poll();
        if (p == null) {
            p = new Pooled();
        } else {
            POOLED.decrementAndGet();
        }
        p.scope = scope;
        try {
            return run(p.interpreter, work);
        } finally {
            p.scope = Map.of();
            p.interpreter.getContext().reset();
            while (p.interpreter.getLastError().isPresent()) {
                p.interpreter.removeLastError();
            }
            if (POOLED.incrementAndGet() <= POOL_SIZE) {
                POOL.offer(p);
            } else {
                POOLED.decrementAndGet();
            }
        }
    }

    private static final int POOL_SIZE = 64;
    private static final java.util.Queue<Pooled> POOL = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final java.util.concurrent.atomic.AtomicInteger POOLED = new java.util.concurrent.atomic.AtomicInteger();

    /** An interpreter whose context looks names up in whatever scope it is lent for. */
    private static final class Pooled {
        private Map<String, Object> scope = Map.of();
        private final JinjavaInterpreter interpreter;

        Pooled() {
            Context context = new UnrecordedContext();
            context.setDynamicVariableResolver(name -> lookup(scope, name));
            interpreter = new PyInterpreter(JINJAVA, context, JINJAVA.getGlobalConfig());
        }
    }

    private static JinjavaInterpreter fresh(Map<String, Object> scope) {
        Context context = new UnrecordedContext();
        context.setDynamicVariableResolver(name -> lookup(scope, name));
        return new PyInterpreter(JINJAVA, context, JINJAVA.getGlobalConfig());
    }

    private static <T> T run(JinjavaInterpreter interpreter, Work<T> work) throws ExpressionException {
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            T result = work.run(interpreter);
            failOnErrors(interpreter.getErrorsCopy());
            return result;
        } catch (Undefined.UndefinedError e) {
            throw new ExpressionException(e.getMessage());
        } catch (RuntimeException e) {
            Undefined.UndefinedError cause = undefinedCause(e);
            throw new ExpressionException(cause != null ? cause.getMessage() : clean(String.valueOf(e.getMessage())));
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    interface Work<T> {
        T run(JinjavaInterpreter interpreter);
    }

    private static Object lookup(Map<String, Object> scope, String name) {
        if (scope.containsKey(name)) {
            return scope.get(name);
        }
        return name.equals("none") || name.equals("None") ? null : Undefined.variable(name);
    }

    private static void failOnErrors(List<TemplateError> errors) throws ExpressionException {
        for (TemplateError e : errors) {
            if (e.getSeverity() != TemplateError.ErrorType.FATAL) {
                continue;
            }
            Undefined.UndefinedError cause = undefinedCause(e.getException());
            throw new ExpressionException(cause != null ? cause.getMessage() : clean(e.getMessage()));
        }
    }

    private static Undefined.UndefinedError undefinedCause(Throwable e) {
        for (int depth = 0; e != null && depth < 20; depth++, e = e.getCause()) {
            if (e instanceof Undefined.UndefinedError u) {
                return u;
            }
        }
        return null;
    }

    /** Jinjava's message without its Java class names and internal call syntax. */
    static String clean(String message) {
        return message.replaceAll("(?:[a-z]+\\.)+[A-Z][A-Za-z]*(?:Exception|Error): ", "")
                .replaceAll("Error resolving expression \\[[^\\]]*\\]: ", "")
                .replaceAll("exptest:|filter:|\\.filter\\(|\\.evaluate(Negated)?\\(|____int3rpr3t3r____,?\\s?", "")
                .replace("class java.lang.", "").replace("java.lang.", "")
                .lines().findFirst().orElse(message).strip();
    }

    /**
     * A context that does not record which expressions, names and functions it resolved. Jinjava records them
     * for callers that ask afterwards (nothing here does) in its own sets and in every parent's, up to the
     * one global context that all threads share: one HashSet written by every host's evaluation at once,
     * unsynchronised, and a tenth of a condition's cost (JFR, ExpressionBench).
     */
    private static final class UnrecordedContext extends Context {
        UnrecordedContext() {
            super(JINJAVA.getGlobalContext());
        }

        @Override
        public void addResolvedExpression(String expression) {}

        @Override
        public void addResolvedValue(String value) {}

        @Override
        public void addResolvedFunction(String function) {}
    }

    /** Values printed by {@code {% %}} templates print as Python prints them (True, None), as in {@code {{ }}}. */
    private static final class PyInterpreter extends JinjavaInterpreter {
        PyInterpreter(Jinjava jinjava, Context context, JinjavaConfig config) {
            super(jinjava, context, config);
        }

        @Override
        public String getAsString(Object object) {
            return PyValues.str(object);
        }
    }

    /** Secrets and vault values reach expressions as their mask, so no expression can print or call them. */
    private static final class MaskingUnwrapper extends JinjavaObjectUnwrapper {
        @Override
        public Object unwrapObject(Object o) {
            return o instanceof Secret || o instanceof VaultValue ? o.toString() : super.unwrapObject(o);
        }
    }
}
