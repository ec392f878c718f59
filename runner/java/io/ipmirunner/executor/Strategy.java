package io.ipmirunner.executor;

/** How the hosts of a batch move through the play's tasks; strategies only schedule, TaskRunner runs. */
sealed interface Strategy permits LinearStrategy, FreeStrategy {
    void runBatch(BatchState batch) throws InterruptedException;
}
