package io.ipmirunner.executor;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Free: each host's cursor runs ahead through the play on its own virtual thread, at most {@code forks} hosts
 * at once, so a slow BMC holds up nobody. Fail policies still apply to the batch as a whole; a task's
 * {@code throttle} and {@code stagger} hold across the batch's hosts ({@link SharedPacing}).
 */
final class FreeStrategy implements Strategy {
    private final StepRunner steps;
    private final int forks;

    FreeStrategy(StepRunner steps, int forks) {
        this.steps = steps;
        this.forks = forks;
    }

    @Override
    public void runBatch(BatchState batch) throws InterruptedException {
        Semaphore slots = new Semaphore(forks);
        List<Future<?>> running = new java.util.ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (HostCursor cursor : batch.cursors) {
                slots.acquire();
                if (batch.aborted()) {
                    slots.release();
                    break;
                }
                running.add(pool.submit(() -> {
                    try {
                        while (cursor.at() != null && !batch.aborted()) {
                            steps.step(cursor.at(), List.of(cursor), batch);
                        }
                    } finally {
                        slots.release();
                    }
                    return null;
                }));
            }
        }
        for (Future<?> f : running) {
            if (f.state() == Future.State.FAILED) {
                throw new IllegalStateException("host thread failed", f.exceptionNow());
            }
        }
    }
}
