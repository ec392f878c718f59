package io.ipmirunner.executor;

import io.ipmirunner.playbook.TaskOptions;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How a run paces its retries: a task by its own {@code delay} (and {@code backoff}), a silent host by
 * {@code connection}. The random source draws the jitter; tests give one that draws none.
 */
public record RetryPolicy(Backoff connection, RandomGenerator random) {
    public static RetryPolicy standard() {
        return new RetryPolicy(Backoff.CONNECTION, RandomGenerator.getDefault());
    }

    Duration taskPause(TaskOptions.Retry retry, int n) {
        return Backoff.of(retry).pause(n, random);
    }

    Duration connectionPause(int n) {
        return connection.pause(n, random);
    }
}
