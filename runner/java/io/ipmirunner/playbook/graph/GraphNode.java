package io.ipmirunner.playbook.graph;

import io.ipmirunner.playbook.Block;
import io.ipmirunner.playbook.TaskOptions;
import io.ipmirunner.playbook.Handler;
import io.ipmirunner.playbook.IncludeTasks;
import io.ipmirunner.playbook.Play;
import io.ipmirunner.playbook.Task;
import java.util.Set;

/** A node of the task graph; {@code id} is its index in {@link TaskGraph#nodes()}. */
public sealed interface GraphNode {
    int id();

    /** A play; its edges lead to its first task ({@link EdgeKind#START}) and to its handlers. */
    record PlayNode(int id, int number, Play play) implements GraphNode {}

    /**
     * A task as it runs: {@code task} carries the keywords its enclosing blocks and includes hand down
     * ({@link BlockKeywords}); {@code tags} are its own with the play's, blocks' and includes' around it.
     */
    record TaskNode(int id, Task task, Set<String> tags) implements GraphNode {
        public TaskNode {
            tags = Set.copyOf(tags);
        }
    }

    /**
     * A block; its edges lead to the first task of block, rescue and always. Its {@code when} is decided once
     * per host, as the host enters, with {@code keywords}: its own, with the vars of the blocks around it
     * merged in (its other keywords are already on the task nodes inside).
     */
    record BlockNode(int id, Block block, TaskOptions keywords) implements GraphNode {}

    /** An include_tasks; with a static file, an edge leads to the file's first task. Entered as a block is. */
    record IncludeNode(int id, IncludeTasks include, TaskOptions keywords) implements GraphNode {}

    /** Runs the handlers notified so far, in the order the play lists them; after each non-empty section. */
    record FlushHandlersNode(int id, int playNumber, String afterSection) implements GraphNode {}

    record HandlerNode(int id, Handler handler) implements GraphNode {}
}
