package io.ipmirunner.playbook.graph;

import io.ipmirunner.playbook.Block;
import io.ipmirunner.playbook.Handler;
import io.ipmirunner.playbook.IncludeTasks;
import io.ipmirunner.playbook.Play;
import io.ipmirunner.playbook.Playbook;
import io.ipmirunner.playbook.Task;
import io.ipmirunner.playbook.TaskItem;
import io.ipmirunner.playbook.TaskOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns a playbook into a {@link TaskGraph}: nodes in run order, ids dense from 0. */
final class TaskGraphBuilder {
    private final Playbook playbook;
    private final List<GraphNode> nodes = new ArrayList<>();
    private final List<GraphEdge> edges = new ArrayList<>();
    /** Tasks and handlers with a notify, waiting for the play's handler nodes to exist. */
    private final List<Notifier> notifying = new ArrayList<>();

    private record Notifier(int nodeId, Task task) {}

    TaskGraphBuilder(Playbook playbook) {
        this.playbook = playbook;
    }

    TaskGraph build() {
        GraphNode.PlayNode previous = null;
        int number = 1;
        for (Play play : playbook.plays()) {
            GraphNode.PlayNode p = add(new GraphNode.PlayNode(nodes.size(), number, play));
            if (previous != null) {
                edge(previous, p, EdgeKind.NEXT_PLAY);
            }
            play(p, number++);
            previous = p;
        }
        return new TaskGraph(playbook.file(), nodes, edges);
    }

    private void play(GraphNode.PlayNode p, int number) {
        notifying.clear();
        GraphNode last = null;
        for (Map.Entry<String, List<TaskItem>> section : List.of(Map.entry("pre_tasks", p.play().preTasks()),
                Map.entry("tasks", p.play().tasks()), Map.entry("post_tasks", p.play().postTasks()))) {
            if (section.getValue().isEmpty()) {
                continue;
            }
            List<GraphNode> run = sequence(section.getValue(),
                    Optional.empty(), Set.copyOf(p.play().tags()));
            edge(last == null ? p : last, run.get(0), last == null ? EdgeKind.START : EdgeKind.NEXT);
            GraphNode flush = add(new GraphNode.FlushHandlersNode(nodes.size(), number, section.getKey()));
            edge(run.get(run.size() - 1), flush, EdgeKind.NEXT);
            last = flush;
        }
        List<GraphNode.HandlerNode> handlers = new ArrayList<>();
        for (Handler h : p.play().handlers()) {
            GraphNode.HandlerNode hn = add(new GraphNode.HandlerNode(nodes.size(), h));
            edge(p, hn, EdgeKind.HANDLER);
            handlers.add(hn);
            if (!h.task().options().notifies().isEmpty()) {
                notifying.add(new Notifier(hn.id(), h.task()));
            }
        }
        for (Notifier t : notifying) {
            for (String n : t.task().options().notifies()) {
                handlers.stream().filter(h -> h.handler().answers(n)).forEach(h -> edge(nodes.get(t.nodeId()), h,
                        EdgeKind.NOTIFY));
            }
        }
    }

    /**
     * Adds the items as a chain of NEXT edges; returns their top-level nodes. {@code inherited} are the keywords
     * of the blocks and includes around them, {@code tags} the tags around them.
     */
    private List<GraphNode> sequence(List<TaskItem> items, Optional<TaskOptions> inherited, Set<String> tags) {
        List<GraphNode> top = new ArrayList<>();
        for (TaskItem item : items) {
            Set<String> itemTags = new HashSet<>(tags);
            itemTags.addAll(item.options().tags());
            GraphNode n = switch (item) {
                case Task t -> {
                    GraphNode.TaskNode tn = add(new GraphNode.TaskNode(nodes.size(),
                            inherited.map(p -> BlockKeywords.apply(p, t)).orElse(t), itemTags));
                    if (!t.options().notifies().isEmpty()) {
                        notifying.add(new Notifier(tn.id(), t));
                    }
                    yield tn;
                }
                case Block b -> block(b, handedDown(inherited, b.options()), itemTags);
                case IncludeTasks i -> include(i, handedDown(inherited, i.options()), itemTags);
            };
            if (!top.isEmpty()) {
                edge(top.get(top.size() - 1), n, EdgeKind.NEXT);
            }
            top.add(n);
        }
        return top;
    }

    private static Optional<TaskOptions> handedDown(Optional<TaskOptions> inherited, TaskOptions own) {
        return Optional.of(inherited.map(p -> BlockKeywords.merge(p, own)).orElse(own));
    }

    private GraphNode block(Block b, Optional<TaskOptions> keywords, Set<String> tags) {
        GraphNode.BlockNode bn = add(new GraphNode.BlockNode(nodes.size(), b, keywords.orElseThrow()));
        part(bn, b.block(), EdgeKind.BLOCK, keywords, tags);
        part(bn, b.rescue(), EdgeKind.RESCUE, keywords, tags);
        part(bn, b.always(), EdgeKind.ALWAYS, keywords, tags);
        return bn;
    }

    private GraphNode include(IncludeTasks i, Optional<TaskOptions> keywords, Set<String> tags) {
        GraphNode.IncludeNode in = add(new GraphNode.IncludeNode(nodes.size(), i, keywords.orElseThrow()));
        i.tasks().ifPresent(tasks -> part(in, tasks, EdgeKind.INCLUDE, keywords, tags));
        return in;
    }

    private void part(GraphNode parent, List<TaskItem> items, EdgeKind kind, Optional<TaskOptions> keywords,
                      Set<String> tags) {
        if (!items.isEmpty()) {
            edge(parent, sequence(items, keywords, tags).get(0), kind);
        }
    }

    private <N extends GraphNode> N add(N node) {
        nodes.add(node);
        return node;
    }

    private void edge(GraphNode from, GraphNode to, EdgeKind kind) {
        edges.add(new GraphEdge(from.id(), to.id(), kind));
    }
}
