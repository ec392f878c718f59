package io.ipmirunner.playbook.graph;

import io.ipmirunner.playbook.Playbook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
    private final Map<Integer, Parent> parents;

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
        this.parents = parents(nodes, edges);
    }

    /** Each part's first node hangs from its owner; the nodes after it in the part (NEXT) from the same one. */
    private static Map<Integer, Parent> parents(List<GraphNode> nodes, List<GraphEdge> edges) {
        Map<Integer, Parent> out = new HashMap<>();
        // Edges are added in node order, and a part's first node comes before its NEXT siblings.
        for (GraphEdge e : edges) {
            switch (e.kind()) {
                case START, BLOCK, RESCUE, ALWAYS, INCLUDE -> out.put(e.to(), new Parent(nodes.get(e.from()), e.kind()));
                default -> { }
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (GraphEdge e : edges) {
                if (e.kind() == EdgeKind.NEXT && out.containsKey(e.from()) && !out.containsKey(e.to())) {
                    out.put(e.to(), out.get(e.from()));
                    grew = true;
                }
            }
        }
        return Map.copyOf(out);
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

    /**
     * Where a node sits: the block, include or play whose part it is in, and which part (BLOCK, RESCUE,
     * ALWAYS, INCLUDE, or START for a play's sections). Plays and handlers have none.
     */
    private record Parent(GraphNode owner, EdgeKind part) {}

    /**
     * The blocks and includes around every task named {@code name} that a host reaches without failing, and
     * whether there is such a task: where {@code --start-at-task} looks (a task only in a rescue part is
     * reached only by a failure, which nothing runs to cause while looking).
     */
    public Set<Integer> ownersOfStartTask(String name) {
        Set<Integer> out = new HashSet<>();
        for (GraphNode n : nodes) {
            if (n instanceof GraphNode.TaskNode t && t.task().displayName().equals(name) && !inRescue(n)) {
                for (Parent p = parents.get(n.id()); p != null; p = parents.get(p.owner().id())) {
                    out.add(p.owner().id());
                }
            }
        }
        return out;
    }

    /** Whether a task of this name is reached without a failure: not only in rescue parts. */
    public boolean hasStartTask(String name) {
        return nodes.stream().anyMatch(n -> n instanceof GraphNode.TaskNode t && t.task().displayName().equals(name)
                && !inRescue(n));
    }

    private boolean inRescue(GraphNode n) {
        for (Parent p = parents.get(n.id()); p != null; p = parents.get(p.owner().id())) {
            if (p.part() == EdgeKind.RESCUE) {
                return true;
            }
        }
        return false;
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
