package io.ipmirunner.executor;

import io.ipmirunner.playbook.Block;
import io.ipmirunner.playbook.Handler;
import io.ipmirunner.playbook.IncludeTasks;
import io.ipmirunner.playbook.Task;
import io.ipmirunner.playbook.TaskItem;
import io.ipmirunner.playbook.TaskOptions;
import io.ipmirunner.expr.ExpressionException;
import io.ipmirunner.expr.Expressions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Linear: every host of the batch finishes a task before any starts the next. Hosts that fail leave the
 * batch; in a block they go on with {@code rescue}, and {@code always} runs for everyone who entered.
 * Handlers run after each section (pre_tasks, tasks, post_tasks) for the hosts they were notified on.
 */
final class LinearStrategy implements Strategy {
    private final TaskFanout fanout;
    private final RunOptions options;
    private final RunListener listener;
    /** Set once --start-at-task's task is reached; shared by every play and host of the run. */
    private volatile boolean started;

    LinearStrategy(TaskFanout fanout, RunOptions options, RunListener listener) {
        this.fanout = fanout;
        this.options = options;
        this.listener = listener;
        this.started = options.startAtTask().isEmpty();
    }

    @Override
    public void runBatch(BatchState batch) throws InterruptedException {
        runSections(batch, batch.live());
    }

    /** The play's sections for {@code hosts}, in step; the free strategy calls this with one host at a time. */
    void runSections(BatchState batch, List<String> hosts) throws InterruptedException {
        Set<String> playTags = Set.copyOf(batch.play.tags());
        for (List<TaskItem> section : List.of(batch.play.preTasks(), batch.play.tasks(), batch.play.postTasks())) {
            // A set: a list's contains made this quadratic (10,000 hosts: 3 sections x 50M string compares).
            Set<String> alive = new HashSet<>(batch.live());
            List<String> live = hosts.stream().filter(alive::contains).toList();
            batch.leave(items(section, live, playTags, Optional.empty(), batch));
            flushHandlers(batch, hosts);
            if (batch.aborted()) {
                return;
            }
        }
    }

    /** Runs items for {@code hosts} with their enclosing blocks' keywords; returns the hosts that failed. */
    private List<String> items(List<TaskItem> items, List<String> hosts, Set<String> tags,
                               Optional<TaskOptions> inherited, BatchState batch) throws InterruptedException {
        List<String> live = new ArrayList<>(hosts);
        Set<String> failed = new LinkedHashSet<>();
        for (TaskItem item : items) {
            if (live.isEmpty() || batch.aborted()) {
                break;
            }
            Set<String> itemTags = new HashSet<>(tags);
            itemTags.addAll(item.options().tags());
            List<String> now = switch (item) {
                case Task t -> reached(t) && options.selects(itemTags) ? fanout.run(inherited
                        .map(p -> BlockKeywords.apply(p, t)).orElse(t), live, batch, false) : List.of();
                case Block b -> block(b, live, itemTags, handedDown(inherited, b.options()), batch);
                case IncludeTasks inc when inc.tasks().isPresent() -> items(inc.tasks().get(), live, itemTags,
                        Optional.of(handedDown(inherited, inc.options())), batch);
                case IncludeTasks inc -> unsupported(inc, live, batch);
            };
            live.removeAll(now);
            failed.addAll(now);
            batch.leave(now);
        }
        return List.copyOf(failed);
    }

    private boolean reached(Task t) {
        if (!started && options.startAtTask().get().equals(t.displayName())) {
            started = true;
        }
        return started;
    }

    private static TaskOptions handedDown(Optional<TaskOptions> inherited, TaskOptions own) {
        return inherited.map(p -> BlockKeywords.merge(p, own)).orElse(own);
    }

    private List<String> block(Block b, List<String> hosts, Set<String> tags, TaskOptions keywords,
                               BatchState batch) throws InterruptedException {
        Optional<TaskOptions> inherited = Optional.of(keywords);
        List<String> entering = new ArrayList<>();
        for (String h : hosts) {
            if (blockApplies(b, batch.hosts.get(h))) {
                entering.add(h);
            }
        }
        List<String> failedInBlock = items(b.block(), entering, tags, inherited, batch);
        batch.rejoin(failedInBlock);
        List<String> stillFailed = b.rescue().isEmpty() ? failedInBlock
                : items(b.rescue(), failedInBlock, tags, inherited, batch);
        failedInBlock.stream().filter(h -> !stillFailed.contains(h))
                .forEach(h -> listener.on(new RunEvent.Rescued(h, b.displayName())));
        Set<String> out = new LinkedHashSet<>(stillFailed);
        out.addAll(items(b.always(), entering, tags, inherited, batch));
        return List.copyOf(out);
    }

    private static boolean blockApplies(Block b, HostContext host) {
        try {
            for (var c : b.options().conditions().when()) {
                if (!Expressions.isTrue(c.source(), host.vars())) {
                    return false;
                }
            }
            return true;
        } catch (ExpressionException e) {
            return false;
        }
    }

    private List<String> unsupported(IncludeTasks inc, List<String> hosts, BatchState batch) {
        listener.on(new RunEvent.TaskStarted(batch.play.displayName(), inc.displayName(), false,
                inc.at().toString(), "include_tasks"));
        for (String h : hosts) {
            listener.on(new RunEvent.HostResult(h, inc.displayName(), inc.at().toString(), RunEvent.Status.FAILED,
                    false, 0, Duration.ZERO, Map.of(),
                    "include_tasks with a file chosen at run time is not supported yet", "unsupported"));
        }
        return hosts;
    }

    private void flushHandlers(BatchState batch, List<String> among) throws InterruptedException {
        for (Handler handler : batch.play.handlers()) {
            List<String> live = batch.live().stream().filter(among::contains).toList();
            Set<String> notified = batch.takeNotified(handler::answers, live);
            List<String> hosts = live.stream().filter(notified::contains).toList();
            batch.leave(fanout.run(handler.task(), hosts, batch, true));
        }
    }
}
