package io.ipmirunner.executor;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The pause before task-level retry {@code n} (1-based): {@code delay * factor^(n-1)}, capped at {@code max},
 * spread by ±{@code jitter} so a thousand BMCs that failed together do not retry together.
 */
public record RetryPolicy(double factor, Duration max, double jitter, RandomGenerator random) {
    public static RetryPolicy standard() {
        return new RetryPolicy(2.0, Duration.ofMinutes(5), 0.2, RandomGenerator.getDefault());
    }

    /** Ansible's fixed delay: for tests and for users who want exactly {@code delay}. */
    public static RetryPolicy fixed() {
        return new RetryPolicy(1.0, Duration.ofDays(1), 0.0, RandomGenerator.getDefault());
    }

    public Duration pause(Duration delay, int retry) {
        double base = Math.min(delay.toMillis() * Math.pow(factor, retry - 1), max.toMillis());
        double spread = jitter == 0 ? 1 : 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.round(base * spread));
    }
}
