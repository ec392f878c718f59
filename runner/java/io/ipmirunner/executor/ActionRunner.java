package io.ipmirunner.executor;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.modules.CheckableModule;
import io.ipmirunner.modules.HostBoundModule;
import io.ipmirunner.modules.Module;
import io.ipmirunner.modules.ModuleArgumentException;
import io.ipmirunner.modules.ModuleResult;
import io.ipmirunner.modules.Modules;
import io.ipmirunner.playbook.Action;
import io.ipmirunner.expr.Expression;
import io.ipmirunner.expr.ExpressionException;
import io.ipmirunner.expr.Expressions;
import io.ipmirunner.expr.MagicVariables;
import io.ipmirunner.yaml.YamlValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Runs one try of a task's action for one host: a module on the host's session, or a built-in action. */
final class ActionRunner {
    private final Sleeper sleeper;
    private final Clock clock;
    private final boolean checkMode;
    private final RetryPolicy retryPolicy;
    private final Function<String, java.util.Optional<Module<?>>> modules;

    ActionRunner(Sleeper sleeper, Clock clock, boolean checkMode, RetryPolicy retryPolicy,
                 Function<String, java.util.Optional<Module<?>>> modules) {
        this.sleeper = sleeper;
        this.clock = clock;
        this.checkMode = checkMode;
        this.retryPolicy = retryPolicy;
        this.modules = modules;
    }

    ActionRunner(Sleeper sleeper, Clock clock, boolean checkMode, RetryPolicy retryPolicy) {
        this(sleeper, clock, checkMode, retryPolicy, Modules::find);
    }

    ActionOutcome run(Action action, HostContext host, Map<String, Object> scope)
            throws ExpressionException, InterruptedException {
        return switch (action) {
            case Action.ModuleCall m -> module(m, host, scope);
            case Action.Debug d -> ActionOutcome.ok(false, Map.of("msg", d.var().isPresent()
                    ? String.valueOf(Expressions.evaluate(d.var().get().source(), scope))
                    : d.msg().map(v -> String.valueOf(resolve(v.toPlain(), scope))).orElse("Hello world!")));
            case Action.SetFact s -> {
                Map<String, Object> facts = new LinkedHashMap<>();
                s.facts().forEach((k, v) -> facts.put(k, resolve(v.toPlain(), scope)));
                host.vars().putAll(facts);
                yield ActionOutcome.ok(false, Map.of("ansible_facts", facts));
            }
            case Action.Assert a -> assertion(a, scope);
            case Action.Fail f -> ActionOutcome.failed(Expressions.render(f.msg().source(), scope), FailureClass.ASSERTION,
                    Map.of());
            case Action.Pause p -> {
                if (p.duration().isPresent()) {
                    sleeper.sleep(p.duration().get());
                }
                yield ActionOutcome.ok(false, Map.of());
            }
            case Action.WaitForPower w -> waitForPower(w, host);
        };
    }

    private ActionOutcome module(Action.ModuleCall call, HostContext host, Map<String, Object> scope)
            throws ExpressionException, InterruptedException {
        Module<?> module = modules.apply(call.name()).orElse(null);
        if (module == null) {
            return ActionOutcome.failed("unknown module '" + call.name() + "'", FailureClass.UNSUPPORTED, Map.of());
        }
        Map<String, String> args = new LinkedHashMap<>();
        for (Map.Entry<String, YamlValue> e : call.args().entrySet()) {
            Object value = resolve(e.getValue().toPlain(), scope);
            if (!MagicVariables.OMIT_VALUE.equals(value)) {
                args.put(e.getKey(), String.valueOf(value));
            }
        }
        return module(call, module, args, host);
    }

    /** The module's argument type captured, so what validate returns reaches run typed. */
    private <A> ActionOutcome module(Action.ModuleCall call, Module<A> module, Map<String, String> args,
                                     HostContext host) throws InterruptedException {
        A validated;
        try {
            validated = module.validate(args);
            if (module instanceof HostBoundModule<A> bound) {
                validated = bound.bind(validated, host.vars());
            }
        } catch (ModuleArgumentException e) {
            return ActionOutcome.failed(e.getMessage(), FailureClass.ARGUMENTS, Map.of());
        }
        if (checkMode && !CheckMode.readOnly(call.name(), args) && module instanceof CheckableModule<A> checkable) {
            // A write that can say what it would change by reading: the report shows that, nothing is written.
            try {
                ModuleResult r = checkable.check(host.sessions().session(), validated);
                Map<String, Object> result = new LinkedHashMap<>(r.result());
                result.put("check_mode", true);
                return ActionOutcome.ok(r.changed(), result);
            } catch (IpmiException e) {
                return new ActionOutcome(false, true, e instanceof IpmiException.Unreachable, Map.of(), e.getMessage(),
                        FailureClass.of(e));
            }
        }
        if (checkMode && !CheckMode.readOnly(call.name(), args)) {
            // A write under --check: say what would run; the BMC is not touched.
            Map<String, Object> would = new LinkedHashMap<>();
            would.put("check_mode", true);
            would.put("would_run", call.name() + " " + args);
            return ActionOutcome.ok(true, would);
        }
        // A host that did not answer may only be busy or briefly off the network (ipmi_retries); a host that
        // answered with an error has said so, and asking again would change nothing.
        for (int retry = 1; ; retry++) {
            try {
                ModuleResult r = module.run(host.sessions().session(), validated);
                // The module's own verdict on what it read: an assertion it makes, the result kept for the report.
                return r.failure().map(why -> ActionOutcome.failed(why, FailureClass.ASSERTION, r.result()))
                        .orElseGet(() -> ActionOutcome.ok(r.changed(), r.result()));
            } catch (IpmiException e) {
                // Not after a write that may have run: the retry would carry it out a second time.
                boolean silent = e instanceof IpmiException.Unreachable
                        || e instanceof IpmiException.Timeout t && !t.mayHaveRun();
                if (!silent || retry > host.connectionRetries()) {
                    return new ActionOutcome(false, true, e instanceof IpmiException.Unreachable, Map.of(),
                            e.getMessage(), FailureClass.of(e));
                }
                sleeper.sleep(retryPolicy.connectionPause(retry));
            }
        }
    }

    /** Polls {@code power state=status} until the state is the one asked for; read-only, so it runs under --check. */
    private ActionOutcome waitForPower(Action.WaitForPower w, HostContext host) throws InterruptedException {
        Module<?> power = modules.apply("power").orElse(null);
        if (power == null) {
            return ActionOutcome.failed("wait_for_power needs the power module", FailureClass.UNSUPPORTED, Map.of());
        }
        return waitForPower(w, host, power);
    }

    private <A> ActionOutcome waitForPower(Action.WaitForPower w, HostContext host, Module<A> power)
            throws InterruptedException {
        A status;
        try {
            status = power.validate(Map.of("state", "status"));
        } catch (ModuleArgumentException e) {
            throw new IllegalStateException("power rejects state=status: " + e.getMessage(), e);
        }
        Instant start = clock.instant();
        Instant deadline = start.plus(w.timeout());
        while (true) {
            Object state;
            try {
                state = power.run(host.sessions().session(), status).result().get("state");
            } catch (IpmiException e) {
                return new ActionOutcome(false, true, e instanceof IpmiException.Unreachable, Map.of(),
                        e.getMessage(), FailureClass.of(e));
            }
            long waited = Duration.between(start, clock.instant()).toMillis();
            if (w.state().equals(state)) {
                return ActionOutcome.ok(false, Map.of("state", state, "waited_ms", waited));
            }
            if (clock.instant().plus(w.interval()).isAfter(deadline)) {
                return ActionOutcome.failed("power is still " + state + " after " + waited + " ms (wanted "
                        + w.state() + ")", FailureClass.TIMEOUT, Map.of("state", String.valueOf(state), "waited_ms", waited));
            }
            sleeper.sleep(w.interval());
        }
    }

    private static ActionOutcome assertion(Action.Assert a, Map<String, Object> scope) throws ExpressionException {
        for (Expression e : a.that()) {
            if (!Expressions.isTrue(e.source(), scope)) {
                String msg = a.failMsg().isPresent() ? Expressions.render(a.failMsg().get().source(), scope)
                        : "Assertion failed: " + e.source();
                return ActionOutcome.failed(msg, FailureClass.ASSERTION, Map.of("assertion", e.source()));
            }
        }
        String msg = a.successMsg().isPresent() ? Expressions.render(a.successMsg().get().source(), scope)
                : "All assertions passed";
        return ActionOutcome.ok(false, Map.of("msg", msg));
    }

    /** Renders the strings inside a plain value (lists and maps too); a whole "{{ x }}" keeps x's type. */
    static Object resolve(Object plain, Map<String, Object> scope) {
        try {
            return switch (plain) {
                case String s -> Expressions.resolve(s, scope);
                case List<?> l -> {
                    List<Object> out = new ArrayList<>();
                    for (Object o : l) {
                        out.add(resolve(o, scope));
                    }
                    yield out;
                }
                case Map<?, ?> m -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    m.forEach((k, v) -> out.put(String.valueOf(k), resolve(v, scope)));
                    yield out;
                }
                case null, default -> plain;
            };
        } catch (ExpressionException e) {
            throw new UncheckedExpression(e);
        }
    }

    /** Carries an expression error out of lambdas; unwrapped by the task runner. */
    static final class UncheckedExpression extends RuntimeException {
        UncheckedExpression(ExpressionException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
