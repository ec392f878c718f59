package io.ipmirunner.executor;

import io.ipmirunner.inventory.SecretVars;
import io.ipmirunner.playbook.Loop;
import io.ipmirunner.playbook.Task;
import io.ipmirunner.playbook.TaskOptions;
import io.ipmirunner.expr.Expression;
import io.ipmirunner.expr.ExpressionException;
import io.ipmirunner.expr.Expressions;
import io.ipmirunner.expr.MagicVariables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One task on one host: {@code when}, the loop, task-level retries ({@code retries}/{@code delay}/{@code until},
 * {@code backoff}; paced by the {@link RetryPolicy}), {@code changed_when}/{@code failed_when}, {@code ignore_errors} and
 * {@code register}. Scheduling across hosts belongs to the strategies.
 */
public final class TaskRunner {
    private final ActionRunner actions;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RetryPolicy retryPolicy;

    TaskRunner(ActionRunner actions, Sleeper sleeper, Clock clock, RetryPolicy retryPolicy) {
        this.actions = actions;
        this.sleeper = sleeper;
        this.clock = clock;
        this.retryPolicy = retryPolicy;
    }

    public TaskRunner(Sleeper sleeper, Clock clock, RetryPolicy retryPolicy, boolean checkMode) {
        this(new ActionRunner(sleeper, clock, checkMode, retryPolicy), sleeper, clock, retryPolicy);
    }

    public RunEvent.HostResult run(Task task, HostContext host) throws InterruptedException {
        Instant start = clock.instant();
        TaskOptions o = task.options();
        Map<String, Object> scope = new HashMap<>(host.vars());
        try {
            withTaskVars(o, scope);
            Verdict v;
            if (o.loop().isPresent()) {
                Object value;
                try {
                    value = LoopItems.value(o.loop().get(), scope);
                } catch (ExpressionException e) {
                    // Ansible (TaskExecutor._loop_eval_error): a loop that cannot be resolved is no error for a
                    // task its when skips, decided without an item.
                    if (!whenHolds(o, scope, e)) {
                        return skipped(task, host, start, SKIPPED_BY_WHEN);
                    }
                    throw e;
                }
                List<?> items = LoopItems.items(o.loop().get(), value);
                if (items.isEmpty()) {
                    return skipped(task, host, start, Map.of("changed", false, "skipped", true,
                            "skipped_reason", "No items in the list", "results", List.of()));
                }
                v = loop(task, o.loop().get(), items, host, scope);
            } else if (!allTrue(o.conditions().when(), scope)) {
                return skipped(task, host, start, SKIPPED_BY_WHEN);
            } else {
                v = retried(task, host, scope);
            }
            if (Boolean.TRUE.equals(v.outcome().result().get("skipped"))) {
                return skipped(task, host, start, v.outcome().result());
            }
            Map<String, Object> registered = new LinkedHashMap<>(v.outcome().result());
            registered.put("changed", v.outcome().changed());
            registered.put("failed", v.outcome().failed());
            registered.put("attempts", v.attempts());
            o.register().ifPresent(name -> host.vars().put(name, registered));
            ActionOutcome out = v.outcome();
            RunEvent.Status status = out.unreachable() ? RunEvent.Status.UNREACHABLE : out.failed()
                    ? RunEvent.Status.FAILED : out.changed() ? RunEvent.Status.CHANGED : RunEvent.Status.OK;
            return result(task, host, status, v.attempts(), start, registered, out.error(), out.failureClass(),
                    out.failed() && !out.unreachable() && o.ignoreErrors());
        } catch (ExpressionException | ActionRunner.UncheckedExpression e) {
            // The task's place in its file, as check names it: the message alone does not say which of many
            // tasks with the same expression failed. Registered as a failure, as Ansible does, so a later
            // "x.failed | default(false)" sees it (ignore_errors goes on past it).
            String error = task.at() + ": " + e.getMessage();
            o.register().ifPresent(name -> host.vars().put(name, Map.of("failed", true, "changed", false, "msg", error)));
            return result(task, host, RunEvent.Status.FAILED, 1, start, Map.of(), error, FailureClass.EXPRESSION,
                    o.ignoreErrors());
        }
    }

    private record Verdict(ActionOutcome outcome, int attempts) {}

    /** What a task {@code when} skips registers, as in Ansible: a later task may ask {@code x is skipped}. */
    private static final Map<String, Object> SKIPPED_BY_WHEN = Map.of("changed", false, "skipped", true,
            "skip_reason", "Conditional result was False");

    private RunEvent.HostResult skipped(Task task, HostContext host, Instant start, Map<String, Object> registered) {
        task.options().register().ifPresent(name -> host.vars().put(name, registered));
        return result(task, host, RunEvent.Status.SKIPPED, 0, start, registered, null, null, false);
    }

    /**
     * The task's vars, templated in order against the scope they join, as play vars are: Ansible templates
     * them where they are used; here when the task starts, and again with each item of a loop. One that
     * cannot be templated without the item stays out of the task's scope until the loop gives it one, so a
     * use outside the loop says it is undefined.
     */
    private static void withTaskVars(TaskOptions o, Map<String, Object> scope) {
        o.vars().forEach((k, v) -> {
            try {
                scope.put(k, ActionRunner.resolve(SecretVars.plain(k, v), scope));
            } catch (ActionRunner.UncheckedExpression e) {
                scope.remove(k);
            }
        });
    }

    /** The task's when, for a loop that could not be resolved: its own error goes, else the loop's. */
    private static boolean whenHolds(TaskOptions o, Map<String, Object> scope, ExpressionException loopError)
            throws ExpressionException {
        try {
            return allTrue(o.conditions().when(), scope);
        } catch (ExpressionException e) {
            throw loopError;
        }
    }

    /**
     * Each item in turn, its {@code when} decided with the item (Ansible evaluates it per item); an item it
     * skips leaves a skipped result, and when every item is skipped the task is (ansible-core TaskExecutor.run).
     */
    private Verdict loop(Task task, Loop loop, List<?> items, HostContext host, Map<String, Object> scope)
            throws ExpressionException, InterruptedException {
        List<Object> results = new ArrayList<>();
        boolean changed = false;
        boolean allSkipped = true;
        ActionOutcome firstFailure = null;
        int attempts = 0;
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> itemScope = new HashMap<>(scope);
            itemScope.put(MagicVariables.ITEM, items.get(i));
            itemScope.put(MagicVariables.LOOP, Map.of("index", i + 1, "index0", i, "first", i == 0,
                    "last", i == items.size() - 1, "length", items.size()));
            withTaskVars(task.options(), itemScope);
            if (!allTrue(task.options().conditions().when(), itemScope)) {
                Map<String, Object> r = new LinkedHashMap<>(SKIPPED_BY_WHEN);
                r.put("item", items.get(i));
                results.add(r);
                continue;
            }
            allSkipped = false;
            Verdict v = retried(task, host, itemScope);
            attempts = Math.max(attempts, v.attempts());
            Map<String, Object> r = new LinkedHashMap<>(v.outcome().result());
            r.put("item", items.get(i));
            if (loop.label().isPresent()) {
                r.put("_ansible_item_label", Expressions.render(loop.label().get().source(), itemScope));
            }
            r.put("changed", v.outcome().changed());
            r.put("failed", v.outcome().failed());
            results.add(r);
            changed |= v.outcome().changed();
            if (v.outcome().failed() && firstFailure == null) {
                firstFailure = v.outcome();
            }
        }
        Map<String, Object> result = allSkipped
                ? Map.of("changed", false, "skipped", true, "msg", "All items skipped", "results", results)
                : Map.of("results", results);
        ActionOutcome out = firstFailure == null ? ActionOutcome.ok(changed, result)
                : new ActionOutcome(changed, true, firstFailure.unreachable(), result, firstFailure.error(),
                firstFailure.failureClass());
        return new Verdict(out, attempts);
    }


    /**
     * Ansible's loop (ansible-core 2.16+ {@code TaskExecutor._execute}): a first try and at most {@code retries}
     * more, until {@code until} holds or, without it, until the try does not fail. With {@code retries: 0} the
     * one try stands and {@code until} is not asked. A host that is unreachable is not tried again here; its
     * connection retries come first, in {@link ActionRunner}.
     */
    private Verdict retried(Task task, HostContext host, Map<String, Object> scope)
            throws ExpressionException, InterruptedException {
        Optional<TaskOptions.Retry> retry = task.options().retry();
        int tries = retry.map(r -> r.retries() + 1).orElse(1);
        for (int attempt = 1; ; attempt++) {
            ActionOutcome out = judged(task, actions.run(task.action(), host, scope), scope, attempt);
            if (out.unreachable() || tries == 1) {
                return new Verdict(out, attempt);
            }
            Optional<Expression> until = retry.get().until();
            if (until.isEmpty() ? !out.failed() : holds(until.get(), scope, out)) {
                return new Verdict(out, attempt);
            }
            if (attempt == tries) {
                return new Verdict(out.failed() ? out : ActionOutcome.failed("gave up after " + attempt
                        + " attempts: " + until.get().source() + " never held", FailureClass.RETRIES, out.result()), attempt);
            }
            sleeper.sleep(retryPolicy.taskPause(retry.get(), attempt));
        }
    }

    /**
     * As in Ansible, {@code until} is asked after a failed try too, and may end the retries with the failure.
     * A failed try often lacks the keys {@code until} reads; that counts as not yet, not as a new error that
     * would hide the module's own.
     */
    private static boolean holds(Expression until, Map<String, Object> scope, ActionOutcome out)
            throws ExpressionException {
        try {
            return isTrue(until, scope);
        } catch (ExpressionException e) {
            if (out.failed()) {
                return false;
            }
            throw e;
        }
    }

    /** changed_when / failed_when see the result under the register name, as in Ansible. */
    private ActionOutcome judged(Task task, ActionOutcome out, Map<String, Object> scope, int attempt)
            throws ExpressionException {
        TaskOptions o = task.options();
        Map<String, Object> registered = new LinkedHashMap<>(out.result());
        registered.put("changed", out.changed());
        registered.put("failed", out.failed());
        registered.put("attempts", attempt);
        o.register().ifPresent(name -> scope.put(name, registered));
        if (out.unreachable()) {
            return out;
        }
        boolean changed = o.conditions().changedWhen().isEmpty() ? out.changed()
                : allTrue(o.conditions().changedWhen(), scope);
        if (o.conditions().failedWhen().isEmpty()) {
            return new ActionOutcome(changed, out.failed(), false, out.result(), out.error(), out.failureClass());
        }
        boolean failed = allTrue(o.conditions().failedWhen(), scope);
        return failed ? new ActionOutcome(changed, true, false, out.result(), out.error() != null ? out.error()
                : "failed_when held: " + o.conditions().failedWhen().getFirst().source(), out.failureClass() != null
                ? out.failureClass() : FailureClass.ASSERTION)
                : new ActionOutcome(changed, false, false, out.result(), null, null);
    }

    private static boolean allTrue(List<Expression> conditions, Map<String, Object> scope) throws ExpressionException {
        for (Expression c : conditions) {
            if (!isTrue(c, scope)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTrue(Expression e, Map<String, Object> scope) throws ExpressionException {
        return Expressions.isTrue(e.source(), scope);
    }

    private RunEvent.HostResult result(Task task, HostContext host, RunEvent.Status status, int attempts,
                                       Instant start, Map<String, Object> result, String error, FailureClass failureClass,
                                       boolean ignored) {
        return new RunEvent.HostResult(host.host(), task.displayName(), task.at().toString(), status, ignored, attempts,
                Duration.between(start, clock.instant()), result, error, failureClass);
    }
}
