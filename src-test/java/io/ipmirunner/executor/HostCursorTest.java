package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.playbook.Block;
import io.ipmirunner.playbook.PlaybookParser;
import io.ipmirunner.playbook.graph.GraphNode;
import io.ipmirunner.playbook.graph.TaskGraph;
import io.ipmirunner.yaml.TestFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cursor alone: where a host goes next through blocks, rescue, always and includes, on the graph's nodes. */
class HostCursorTest {
    @TempDir
    Path dir;

    private static final String PLAYBOOK = """
            - hosts: all
              pre_tasks:
                - name: p1
                  debug: {msg: p}
              tasks:
                - name: b1
                  block:
                    - name: t1
                      debug: {msg: t}
                      tags: [one]
                    - name: b2
                      block:
                        - name: t2
                          debug: {msg: t}
                      always:
                        - name: a2
                          debug: {msg: a}
                  rescue:
                    - name: r1
                      debug: {msg: r}
                  always:
                    - name: a1
                      debug: {msg: a}
                - name: t3
                  debug: {msg: t}
            """;

    private TaskGraph graph() {
        return TaskGraph.of(PlaybookParser.parse(TestFiles.write(dir, "play.yml", PLAYBOOK)));
    }

    /**
     * Drives a cursor to its end: blocks are entered, the tasks named in {@code failing} fail. Returns the
     * names of the nodes it stood on; asserts each is the graph's own node object.
     */
    private static List<String> walk(TaskGraph g, HostCursor c, Set<String> failing, List<Block> rescued) {
        List<String> seen = new ArrayList<>();
        while (c.at() != null) {
            GraphNode n = c.at();
            assertSame(g.nodes().get(n.id()), n, "the cursor stands on the printed graph's nodes");
            switch (n) {
                case GraphNode.TaskNode t -> {
                    seen.add(t.task().displayName());
                    c.done(failing.contains(t.task().displayName()) ? HostCursor.Outcome.FAILED : HostCursor.Outcome.DONE);
                }
                case GraphNode.BlockNode b -> {
                    seen.add("enter " + b.block().displayName());
                    c.enter(true);
                }
                case GraphNode.FlushHandlersNode f -> {
                    seen.add("flush " + f.afterSection());
                    c.done(HostCursor.Outcome.DONE);
                }
                default -> throw new AssertionError("cursor on " + n);
            }
            rescued.addAll(c.takeRescued());
        }
        return seen;
    }

    private HostCursor cursor(TaskGraph g, Predicate<GraphNode.TaskNode> tags, Optional<String> startAt) {
        return new HostCursor(g, g.plays().getFirst(), "n1", tags, startAt,
                startAt.map(g::ownersOfStartTask).orElse(Set.of()));
    }

    @Test
    void everythingSucceedsThroughNestedBlocksAndAlways() {
        TaskGraph g = graph();
        HostCursor c = cursor(g, t -> true, Optional.empty());
        List<Block> rescued = new ArrayList<>();
        assertEquals(List.of("p1", "flush pre_tasks", "enter b1", "t1", "enter b2", "t2", "a2", "a1", "t3",
                "flush tasks"), walk(g, c, Set.of(), rescued));
        assertFalse(c.failed());
        assertTrue(rescued.isEmpty());
    }

    @Test
    void aFailureInAnInnerBlockRunsItsAlwaysThenTheOuterRescue() {
        TaskGraph g = graph();
        HostCursor c = cursor(g, t -> true, Optional.empty());
        List<Block> rescued = new ArrayList<>();
        assertEquals(List.of("p1", "flush pre_tasks", "enter b1", "t1", "enter b2", "t2", "a2", "r1", "a1", "t3",
                "flush tasks"), walk(g, c, Set.of("t2"), rescued));
        assertFalse(c.failed());
        assertEquals(List.of("b1"), rescued.stream().map(Block::displayName).toList());
    }

    @Test
    void aFailedRescueRunsAlwaysAndTakesTheHostOut() {
        TaskGraph g = graph();
        HostCursor c = cursor(g, t -> true, Optional.empty());
        List<Block> rescued = new ArrayList<>();
        assertEquals(List.of("p1", "flush pre_tasks", "enter b1", "t1", "r1", "a1"),
                walk(g, c, Set.of("t1", "r1"), rescued));
        assertTrue(c.failed());
        assertNull(c.at());
        assertTrue(rescued.isEmpty());
    }

    @Test
    void aFailureInAlwaysFailsTheBlock() {
        TaskGraph g = graph();
        HostCursor c = cursor(g, t -> true, Optional.empty());
        assertEquals(List.of("p1", "flush pre_tasks", "enter b1", "t1", "enter b2", "t2", "a2", "r1", "a1", "t3",
                "flush tasks"), walk(g, c, Set.of("a2"), new ArrayList<>()));
        HostCursor out = cursor(g, t -> true, Optional.empty());
        walk(g, out, Set.of("a1"), new ArrayList<>());
        assertTrue(out.failed(), "a failure in the outer always passes out of the play");
    }

    @Test
    void tagsPassOverTasksAndStartAtTaskSkipsEverythingBeforeIt() {
        TaskGraph g = graph();
        HostCursor tagged = cursor(g, t -> !t.tags().contains("one"), Optional.empty());
        assertFalse(walk(g, tagged, Set.of(), new ArrayList<>()).contains("t1"));
        HostCursor late = cursor(g, t -> true, Optional.of("a2"));
        assertFalse(late.started());
        assertEquals(List.of("flush pre_tasks", "enter b1", "enter b2", "a2", "a1", "t3", "flush tasks"),
                walk(g, late, Set.of(), new ArrayList<>()), "the blocks around the task are entered as usual");
        assertTrue(late.started());
        HostCursor after = cursor(g, t -> true, Optional.of("t3"));
        assertEquals(List.of("flush pre_tasks", "t3", "flush tasks"), walk(g, after, Set.of(), new ArrayList<>()),
                "a block with no such task is passed over whole");
    }

    @Test
    void aBlockWhoseWhenFailsAroundTheStartTaskCountsAsReachingIt() {
        TaskGraph g = graph();
        HostCursor c = cursor(g, t -> true, Optional.of("t2"));
        c.done(HostCursor.Outcome.DONE);
        assertEquals("b1", ((GraphNode.BlockNode) c.at()).block().displayName());
        c.enter(false);
        assertTrue(c.started(), "as in Ansible: the task is found, its block's condition skips it");
        assertEquals("t3", ((GraphNode.TaskNode) c.at()).task().displayName());
    }

    @Test
    void aBlockWhoseWhenFailsIsPassedOver() {
        TaskGraph g = graph();
        HostCursor c = cursor(g, t -> true, Optional.empty());
        c.done(HostCursor.Outcome.DONE);
        c.done(HostCursor.Outcome.DONE);
        assertEquals("b1", ((GraphNode.BlockNode) c.at()).block().displayName());
        c.enter(false);
        assertEquals("t3", ((GraphNode.TaskNode) c.at()).task().displayName());
    }
}
