package io.ipmirunner.playbook.graph;

import io.ipmirunner.playbook.Playbook;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The playbook as an explicit graph: plays, tasks, blocks, includes, handler flushes and handlers as nodes;
 * ordering, block/rescue/always, include, notify and play-order edges. The executor walks it with one cursor
 * per host; {@code graph} prints it. Built once, immutable; edges out of a node are indexed by node.
 */
public final class TaskGraph {
    private final String playbook;
    private final List<GraphNode> nodes;
    private final List<GraphEdge> edges;
    private final List<List<GraphEdge>> outgoing;

    TaskGraph(String playbook, List<GraphNode> nodes, List<GraphEdge> edges) {
        this.playbook = playbook;
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        List<List<GraphEdge>> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            out.add(new ArrayList<>());
        }
        for (GraphEdge e : edges) {
            out.get(e.from()).add(e);
        }
        this.outgoing = out.stream().map(List::copyOf).toList();
    }

    public static TaskGraph of(Playbook playbook) {
        return new TaskGraphBuilder(playbook).build();
    }

    /** The playbook file the graph was built from. */
    public String playbook() {
        return playbook;
    }

    public List<GraphNode> nodes() {
        return nodes;
    }

    public List<GraphEdge> edges() {
        return edges;
    }

    /** The nodes edges of {@code kind} lead to from {@code from}, in edge order. */
    public List<GraphNode> targets(GraphNode from, EdgeKind kind) {
        return outgoing.get(from.id()).stream().filter(e -> e.kind() == kind).map(e -> nodes.get(e.to())).toList();
    }

    public Optional<GraphNode> target(GraphNode from, EdgeKind kind) {
        return targets(from, kind).stream().findFirst();
    }

    /** The first task (not handler) of this name, in run order: where {@code --start-at-task} starts. */
    public Optional<GraphNode.TaskNode> firstTaskNamed(String name) {
        return nodes.stream().filter(n -> n instanceof GraphNode.TaskNode t && t.task().displayName().equals(name))
                .map(n -> (GraphNode.TaskNode) n).findFirst();
    }

    public List<GraphNode.PlayNode> plays() {
        return nodes.stream().filter(n -> n instanceof GraphNode.PlayNode).map(n -> (GraphNode.PlayNode) n).toList();
    }
}
