package io.ipmirunner.executor;

import io.ipmirunner.playbook.RunPolicy;
import io.ipmirunner.playbook.Task;
import io.ipmirunner.playbook.TaskOptions;
import io.ipmirunner.expr.MagicVariables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One task on many hosts at once, a virtual thread per host: at most {@code forks} (and the task's or
 * play's {@code throttle}) at a time, {@code stagger} between starts (inrush current when a rack powers on),
 * {@code run_once} on the first host with its result registered on all, and the task's {@code timeout} per host.
 */
final class TaskFanout {
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(5);
    private final TaskRunner runner;
    private final RunOptions options;
    private final RunListener listener;
    private final TaskGate gate;

    TaskFanout(TaskRunner runner, RunOptions options, RunListener listener, TaskGate gate) {
        this.runner = runner;
        this.options = options;
        this.listener = listener;
        this.gate = gate;
    }

    /** Runs the task; returns the hosts' results in the order they were started (none when it did not run). */
    List<RunEvent.HostResult> run(Task task, List<String> hosts, BatchState batch, boolean handler)
            throws InterruptedException {
        if (hosts.isEmpty() || !gate.admit(batch.play.displayName(), task, hosts)) {
            return List.of();
        }
        listener.on(new RunEvent.TaskStarted(batch.play.displayName(), task.displayName(), handler,
                task.at().toString(), task.action().name()));
        TaskOptions.Pacing pacing = task.options().pacing();
        List<String> targets = pacing.runOnce()
                ? List.of(options.resume().ranOnce(task, batch.hosts.keySet()).orElse(hosts.getFirst())) : hosts;
        int limit = Math.min(options.forks(), Math.min(pacing.throttle().orElse(Integer.MAX_VALUE),
                batch.play.policy().throttle().orElse(Integer.MAX_VALUE)));
        // Under the free strategy each host comes here alone: its pacing is shared with the batch's other hosts.
        SharedPacing shared = batch.play.policy().strategy() == RunPolicy.Strategy.FREE
                ? batch.pacing(task.at().toString(), limit) : null;
        Semaphore slots = shared != null ? shared.slots : new Semaphore(Math.max(1, limit));
        List<Future<RunEvent.HostResult>> futures = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < targets.size(); i++) {
                if (shared != null && pacing.stagger().isPresent()) {
                    Duration wait = shared.reserve(options.clock().instant(), pacing.stagger().get());
                    if (!wait.isZero()) {
                        options.sleeper().sleep(wait);
                    }
                } else if (i > 0 && pacing.stagger().isPresent()) {
                    options.sleeper().sleep(pacing.stagger().get());
                }
                slots.acquire();
                if (batch.stopping()) {
                    slots.release();
                    break;
                }
                HostContext host = batch.hosts.get(targets.get(i));
                futures.add(pool.submit(() -> {
                    try {
                        return runAndTell(task, host, pacing);
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        List<RunEvent.HostResult> results = new ArrayList<>();
        for (Future<RunEvent.HostResult> f : futures) {
            RunEvent.HostResult r = f.resultNow();
            results.add(r);
            if (!r.keepsHost()) {
                remember(batch.hosts.get(r.host()), r);
            } else if (r.status() == RunEvent.Status.CHANGED && !task.options().notifies().isEmpty()) {
                for (String h : pacing.runOnce() ? hosts : List.of(r.host())) {
                    batch.notify(h, task.options().notifies());
                }
            }
        }
        if (pacing.runOnce() && task.options().register().isPresent()) {
            String name = task.options().register().get();
            Object value = batch.hosts.get(targets.getFirst()).vars().get(name);
            hosts.forEach(h -> batch.hosts.get(h).vars().put(name, value == null ? Map.of() : value));
        }
        return results;
    }

    /**
     * One host's result, told to the listeners. A defect met on the way (a module that threw, a result the
     * journal refuses) fails this host as {@link FailureClass#INTERNAL} in one line; the run goes on and
     * keeps what the other hosts finished.
     */
    private RunEvent.HostResult runAndTell(Task task, HostContext host, TaskOptions.Pacing pacing)
            throws InterruptedException {
        RunEvent.HostResult r;
        try {
            var replayed = options.resume().replay(task, host);
            r = replayed.isPresent() ? replayed.get() : pacing.timeout().isPresent()
                    ? bounded(task, host, pacing.timeout().get()) : runner.run(task, host);
        } catch (RuntimeException e) {
            r = internal(task, host, e);
        }
        try {
            listener.on(r);
        } catch (RuntimeException e) {
            r = internal(task, host, e);
            listener.on(r);
        }
        return r;
    }

    private static RunEvent.HostResult internal(Task task, HostContext host, RuntimeException e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                .orElse("");
        return new RunEvent.HostResult(host.host(), task.displayName(), task.at().toString(), RunEvent.Status.FAILED,
                false, 1, Duration.ZERO, Map.of(), "internal error (please report it): " + what,
                FailureClass.INTERNAL);
    }

    /** What a {@code rescue} section reads: the failed task's name and its result, with the error as msg. */
    private static void remember(HostContext host, RunEvent.HostResult r) {
        Map<String, Object> result = new java.util.LinkedHashMap<>(r.result());
        result.put("failed", true);
        result.put("msg", r.error() == null ? "" : r.error());
        host.vars().put(MagicVariables.FAILED_TASK, Map.of("name", r.task()));
        host.vars().put(MagicVariables.FAILED_RESULT, result);
    }

    /**
     * The task's {@code timeout}: past it the host's attempt is interrupted (the engine abandons its
     * exchange) and the host fails as timed out. Wall time, since it guards against BMCs that hang.
     */
    private RunEvent.HostResult bounded(Task task, HostContext host, Duration timeout) throws InterruptedException {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread worker = Thread.ofVirtual().start(() -> {
            try {
                outcome.set(runner.run(task, host));
            } catch (InterruptedException e) {
                outcome.set(e);
            } catch (RuntimeException | Error e) {
                outcome.set(e);
            }
        });
        if (!worker.join(timeout)) {
            worker.interrupt();
            worker.join(INTERRUPT_GRACE);
            return new RunEvent.HostResult(host.host(), task.displayName(), task.at().toString(),
                    RunEvent.Status.FAILED, task.options().ignoreErrors(), 1, timeout, Map.of(),
                    "task timed out after " + timeout.toMillis() + " ms", FailureClass.TIMEOUT);
        }
        return switch (outcome.get()) {
            case RunEvent.HostResult r -> r;
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new InterruptedException("task interrupted");
        };
    }
}
