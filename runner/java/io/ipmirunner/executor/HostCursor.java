package io.ipmirunner.executor;

import io.ipmirunner.playbook.Block;
import io.ipmirunner.playbook.graph.EdgeKind;
import io.ipmirunner.playbook.graph.GraphNode;
import io.ipmirunner.playbook.graph.TaskGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One host's place in a play of the task graph: the node it runs next, and the blocks and includes it is
 * inside, each with the part of it that runs (block, rescue, always). A pure state machine: a strategy picks
 * which cursors move, the step runner tells each how its node went. Every move follows an edge of the graph
 * that {@code graph} prints, and node ids only grow, so the linear strategy can keep hosts in step by id.
 * Tasks the tags leave out, and every task before {@code --start-at-task} is reached, are passed over here.
 */
final class HostCursor {
    /** What part of a block (or include) the host is running. */
    enum Part { BLOCK, RESCUE, ALWAYS, INCLUDE }

    /** A block or include the host is inside; {@code failed}: a task of it failed and no rescue made up for it. */
    private static final class Frame {
        final GraphNode owner;
        Part part;
        boolean failed;

        Frame(GraphNode owner, Part part) {
            this.owner = owner;
            this.part = part;
        }
    }

    private final TaskGraph graph;
    private final String host;
    private final Predicate<GraphNode.TaskNode> selected;
    private final Optional<String> startAt;
    private final Set<Integer> startOwners;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final List<Block> rescued = new ArrayList<>();
    private GraphNode at;
    private boolean started;
    private boolean failed;

    /**
     * @param selected whether the tags select a task
     * @param startAt {@code --start-at-task}: tasks before the first of this name are passed over (empty: none)
     * @param startOwners the blocks and includes around the tasks of that name ({@link TaskGraph#ownersOfStartTask})
     */
    HostCursor(TaskGraph graph, GraphNode.PlayNode play, String host, Predicate<GraphNode.TaskNode> selected,
               Optional<String> startAt, Set<Integer> startOwners) {
        this.graph = graph;
        this.host = host;
        this.selected = selected;
        this.startAt = startAt;
        this.startOwners = Set.copyOf(startOwners);
        this.started = startAt.isEmpty();
        this.at = graph.target(play, EdgeKind.START).orElse(null);
        settle();
    }

    String host() {
        return host;
    }

    /**
     * The node the host runs next: a task, a block or include to enter, or a handler flush; null once the
     * host is through the play or has failed out of it.
     */
    GraphNode at() {
        return at;
    }

    /** The host failed out of the play: a failure no rescue made up for. */
    boolean failed() {
        return failed;
    }

    /** Whether the host has reached {@code --start-at-task}'s task (always true without it). */
    boolean started() {
        return started;
    }

    /** What became of the host at a task, dynamic include or handler flush. */
    enum Outcome {
        /** it ran (or failed with ignore_errors): on to the next node */
        DONE,
        /** it failed: rescue, always, or out of the play */
        FAILED,
        /** the BMC did not answer: out of the play at once, as in Ansible, where no rescue or always runs */
        UNREACHABLE
    }

    /** The task, dynamic include or handler flush at {@link #at()} ran with this outcome. */
    void done(Outcome outcome) {
        switch (outcome) {
            case DONE -> at = next(at);
            case FAILED -> failUp();
            case UNREACHABLE -> {
                frames.clear();
                failed = true;
                at = null;
            }
        }
        settle();
    }

    /**
     * At a block or include: {@code applies} is whether its {@code when} held for this host. One that holds the
     * {@code --start-at-task} task and does not apply counts as reaching it: as in Ansible, the task is found
     * and skipped by the condition around it, and what follows runs.
     */
    void enter(boolean applies) {
        if (!applies && !started && startOwners.contains(at.id())) {
            started = true;
        }
        if (applies) {
            descend(at);
        } else {
            at = next(at);
        }
        settle();
    }

    /**
     * At a block or include whose {@code when} could not be decided: as in Ansible, where the condition is
     * each inner task's, the first task fails, so the block's own rescue and always run.
     */
    void enterFailing() {
        descend(at);
        failUp();
        settle();
    }

    /** The blocks whose rescue this host finished since last asked: their failure no longer counts. */
    List<Block> takeRescued() {
        List<Block> out = List.copyOf(rescued);
        rescued.clear();
        return out;
    }

    private void descend(GraphNode owner) {
        boolean block = owner instanceof GraphNode.BlockNode;
        frames.push(new Frame(owner, block ? Part.BLOCK : Part.INCLUDE));
        at = graph.target(owner, block ? EdgeKind.BLOCK : EdgeKind.INCLUDE).orElse(null);
    }

    /** Moves past what this host does not run, and out of parts that ended, until a node to run (or none). */
    private void settle() {
        while (!failed) {
            if (at == null) {
                if (frames.isEmpty()) {
                    return;
                }
                endOfPart();
            } else if (at instanceof GraphNode.TaskNode t && !wanted(t)) {
                at = next(t);
            } else if (!started && (at instanceof GraphNode.BlockNode || at instanceof GraphNode.IncludeNode)
                    && !startOwners.contains(at.id())) {
                // On the way to --start-at-task: nothing in here is the task, so nothing in here runs.
                at = next(at);
            } else {
                return;
            }
        }
    }

    private boolean wanted(GraphNode.TaskNode t) {
        if (!started && t.task().displayName().equals(startAt.orElseThrow())) {
            started = true;
        }
        return started && selected.test(t);
    }

    /** The last node of a part ran: block and rescue go on to always, always and include back out. */
    private void endOfPart() {
        Frame f = frames.element();
        switch (f.part) {
            case BLOCK -> toAlwaysOrOut(f);
            case RESCUE -> {
                f.failed = false;
                rescued.add(((GraphNode.BlockNode) f.owner).block());
                toAlwaysOrOut(f);
            }
            case ALWAYS, INCLUDE -> {
                frames.pop();
                if (f.failed) {
                    failUp();
                } else {
                    at = next(f.owner);
                }
            }
        }
    }

    private void toAlwaysOrOut(Frame f) {
        Optional<GraphNode> always = graph.target(f.owner, EdgeKind.ALWAYS);
        if (always.isPresent()) {
            f.part = Part.ALWAYS;
            at = always.get();
            return;
        }
        frames.pop();
        if (f.failed) {
            failUp();
        } else {
            at = next(f.owner);
        }
    }

    /**
     * A failure at the current node: the innermost block still running its block part goes on with rescue,
     * one in rescue with always; a failure in always, or with neither, passes to the enclosing block. With
     * no block left the host is out of the play.
     */
    private void failUp() {
        while (!frames.isEmpty()) {
            Frame f = frames.element();
            f.failed = true;
            Optional<GraphNode> rescue = graph.target(f.owner, EdgeKind.RESCUE);
            if (f.part == Part.BLOCK && rescue.isPresent()) {
                f.part = Part.RESCUE;
                at = rescue.get();
                return;
            }
            Optional<GraphNode> always = graph.target(f.owner, EdgeKind.ALWAYS);
            if ((f.part == Part.BLOCK || f.part == Part.RESCUE) && always.isPresent()) {
                f.part = Part.ALWAYS;
                at = always.get();
                return;
            }
            frames.pop();
        }
        failed = true;
        at = null;
    }

    private GraphNode next(GraphNode n) {
        return graph.target(n, EdgeKind.NEXT).orElse(null);
    }
}
