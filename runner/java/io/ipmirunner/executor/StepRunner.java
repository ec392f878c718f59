package io.ipmirunner.executor;

import io.ipmirunner.expr.ExpressionException;
import io.ipmirunner.expr.Expressions;
import io.ipmirunner.playbook.IncludeTasks;
import io.ipmirunner.playbook.RunPolicy;
import io.ipmirunner.playbook.Task;
import io.ipmirunner.playbook.TaskOptions;
import io.ipmirunner.playbook.graph.EdgeKind;
import io.ipmirunner.playbook.graph.GraphNode;
import io.ipmirunner.playbook.graph.TaskGraph;
import java.time.Duration;
import io.ipmirunner.yaml.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Runs the node a group of cursors stands on, for their hosts, and moves each cursor by how it went: a task
 * through {@link TaskFanout}, a block's or include's {@code when} as the hosts enter, the notified handlers
 * at a flush. Both strategies step through here; they only choose which cursors step together.
 */
final class StepRunner {
    private final TaskGraph graph;
    private final TaskFanout fanout;
    private final RunListener listener;

    StepRunner(TaskGraph graph, TaskFanout fanout, RunListener listener) {
        this.graph = graph;
        this.fanout = fanout;
        this.listener = listener;
    }

    /** Every cursor in {@code cursors} stands on {@code node}. */
    void step(GraphNode node, List<HostCursor> cursors, BatchState batch) throws InterruptedException {
        List<String> hosts = cursors.stream().map(HostCursor::host).toList();
        switch (node) {
            case GraphNode.TaskNode t -> {
                Map<String, HostCursor.Outcome> out = t.task().options().pacing().runOnce()
                        && batch.play.policy().strategy() == RunPolicy.Strategy.FREE
                        ? onceUnderFree(t, hosts.getFirst(), batch) : outcomes(fanout.run(t.task(), hosts, batch, false));
                cursors.forEach(c -> c.done(out.getOrDefault(c.host(), HostCursor.Outcome.DONE)));
            }
            // A block whose when fails fails its first task, into its own rescue (Ansible evaluates the condition
            // on each inner task); an include_tasks whose when fails fails itself, outside what it includes.
            case GraphNode.BlockNode b -> enter(b.keywords(), b.block().displayName(), b.block().at(), cursors, batch,
                    HostCursor::enterFailing);
            case GraphNode.IncludeNode i when i.include().tasks().isPresent() -> enter(i.keywords(),
                    i.include().displayName(), i.include().at(), cursors, batch,
                    c -> c.done(HostCursor.Outcome.FAILED));
            case GraphNode.IncludeNode i -> {
                unsupported(i.include(), hosts, batch);
                cursors.forEach(c -> c.done(HostCursor.Outcome.FAILED));
            }
            case GraphNode.FlushHandlersNode f -> {
                Map<String, HostCursor.Outcome> out = flushHandlers(f, hosts, batch);
                cursors.forEach(c -> c.done(out.getOrDefault(c.host(), HostCursor.Outcome.DONE)));
            }
            case GraphNode.PlayNode p -> throw new IllegalStateException("a cursor never stands on a play");
            case GraphNode.HandlerNode h -> throw new IllegalStateException("handlers run at flushes only");
        }
        for (HostCursor c : cursors) {
            c.takeRescued().forEach(b -> listener.on(new RunEvent.Rescued(c.host(), b.displayName())));
            if (c.failed()) {
                batch.leave(List.of(c.host()));
            }
        }
    }

    /** The hosts that cannot go on, and why: an unreachable one leaves the play, a failed one goes to rescue. */
    private static Map<String, HostCursor.Outcome> outcomes(List<RunEvent.HostResult> results) {
        Map<String, HostCursor.Outcome> out = new HashMap<>();
        results.stream().filter(r -> !r.keepsHost()).forEach(r -> out.put(r.host(),
                r.status() == RunEvent.Status.UNREACHABLE ? HostCursor.Outcome.UNREACHABLE : HostCursor.Outcome.FAILED));
        return out;
    }

    /**
     * {@code run_once} under free: the first host to reach the task runs it; the others wait for that run and
     * take its registered value and notifications (Ansible warns here and runs the task on every host).
     */
    private Map<String, HostCursor.Outcome> onceUnderFree(GraphNode.TaskNode t, String host, BatchState batch)
            throws InterruptedException {
        BatchState.Once once = batch.once(t.id());
        Task task = t.task();
        if (once.first()) {
            List<RunEvent.HostResult> results;
            try {
                results = fanout.run(task, List.of(host), batch, false);
            } catch (InterruptedException | RuntimeException | Error e) {
                once.result().completeExceptionally(e);
                throw e;
            }
            once.result().complete(results.isEmpty() ? null : results.getFirst());
            return outcomes(results);
        }
        RunEvent.HostResult first;
        try {
            first = once.result().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("run_once task failed to run", e.getCause());
        }
        if (first != null) {
            // The registered value is the first host's result as journaled (TaskRunner registers exactly that),
            // taken from the event rather than from that host's variables, which its own thread goes on writing.
            task.options().register().ifPresent(name -> batch.hosts.get(host).vars().put(name, first.result()));
            if (first.status() == RunEvent.Status.CHANGED && !task.options().notifies().isEmpty()) {
                batch.notify(host, task.options().notifies());
            }
        }
        return Map.of();
    }

    /**
     * Moves each cursor into a block or include, or past it, by its {@code when}, decided once over the host's
     * variables and the block's own (with those of the blocks around it). A host whose condition cannot be
     * evaluated gets a failed result naming the block and the error, and goes by {@code failed}.
     */
    private void enter(TaskOptions keywords, String name, Location at, List<HostCursor> cursors, BatchState batch,
                       Consumer<HostCursor> failed) {
        boolean announced = false;
        for (HostCursor c : cursors) {
            Map<String, Object> scope = new HashMap<>(batch.hosts.get(c.host()).vars());
            keywords.vars().forEach((k, v) -> scope.put(k, v.toPlain()));
            boolean applies = true;
            try {
                for (var condition : keywords.conditions().when()) {
                    applies = applies && Expressions.isTrue(condition.source(), scope);
                }
            } catch (ExpressionException e) {
                if (!announced) {
                    listener.on(new RunEvent.TaskStarted(batch.play.displayName(), name, false, at.toString(), "block"));
                    announced = true;
                }
                listener.on(new RunEvent.HostResult(c.host(), name, at.toString(), RunEvent.Status.FAILED, false, 1,
                        Duration.ZERO, Map.of(), "when: " + e.getMessage(), FailureClass.EXPRESSION));
                failed.accept(c);
                continue;
            }
            c.enter(applies);
        }
    }

    private void unsupported(IncludeTasks inc, List<String> hosts, BatchState batch) {
        listener.on(new RunEvent.TaskStarted(batch.play.displayName(), inc.displayName(), false,
                inc.at().toString(), "include_tasks"));
        for (String h : hosts) {
            listener.on(new RunEvent.HostResult(h, inc.displayName(), inc.at().toString(), RunEvent.Status.FAILED,
                    false, 0, Duration.ZERO, Map.of(),
                    "include_tasks with a file chosen at run time is not supported yet", FailureClass.UNSUPPORTED));
        }
    }

    /** The play's handlers in the order it lists them, each on the hosts here it was notified on. */
    private Map<String, HostCursor.Outcome> flushHandlers(GraphNode.FlushHandlersNode flush, List<String> hosts,
                                                         BatchState batch) throws InterruptedException {
        Map<String, HostCursor.Outcome> failed = new HashMap<>();
        GraphNode.PlayNode play = graph.plays().get(flush.playNumber() - 1);
        for (GraphNode h : graph.targets(play, EdgeKind.HANDLER)) {
            var handler = ((GraphNode.HandlerNode) h).handler();
            List<String> live = new ArrayList<>(hosts);
            live.removeAll(failed.keySet());
            Set<String> notified = batch.takeNotified(handler::answers, live);
            List<String> run = live.stream().filter(notified::contains).toList();
            failed.putAll(outcomes(fanout.run(handler.task(), run, batch, true)));
        }
        return failed;
    }
}
