package io.ipmirunner.executor;

import io.ipmirunner.playbook.graph.GraphNode;
import java.util.Comparator;
import java.util.List;

/**
 * Linear: the batch's hosts move in step. Each step runs the earliest node any cursor stands on (node ids
 * follow run order) for every cursor on it; cursors further on wait. So every host finishes a task before
 * any starts the next, hosts whose block failed run its rescue while the others wait at its always, and all
 * meet at each handler flush.
 */
final class LinearStrategy implements Strategy {
    private final StepRunner steps;

    LinearStrategy(StepRunner steps) {
        this.steps = steps;
    }

    @Override
    public void runBatch(BatchState batch) throws InterruptedException {
        while (!batch.aborted()) {
            List<HostCursor> moving = batch.cursors.stream().filter(c -> c.at() != null).toList();
            if (moving.isEmpty()) {
                return;
            }
            GraphNode earliest = moving.stream().map(HostCursor::at).min(Comparator.comparingInt(GraphNode::id))
                    .orElseThrow();
            steps.step(earliest, moving.stream().filter(c -> c.at() == earliest).toList(), batch);
        }
    }
}
