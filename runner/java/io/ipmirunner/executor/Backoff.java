package io.ipmirunner.executor;

import io.ipmirunner.playbook.TaskOptions;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The one back-off rule, for task retries and for trying a silent host again: the pause before retry {@code n}
 * (1-based) is {@code initial * factor^(n-1)}, at most {@code max}, then shortened at random by up to
 * {@code jitter} of itself. Jitter only shortens, so the sum of pauses without jitter bounds how long the retries
 * can take, and hosts that failed together (a thousand BMCs behind one switch) spread out instead of retrying
 * in lockstep, even once they all reach {@code max}.
 */
public record Backoff(Duration initial, double factor, Duration max, double jitter) {
    /** A host that did not answer ({@code ipmi_retries}, exec {@code --retries}): 1 s, 2 s, 4 s, 8 s, then 10 s. */
    public static final Backoff CONNECTION = new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(10), 0.2);

    public Backoff {
        if (factor < 1 || jitter < 0 || jitter > 1 || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs factor >= 1, jitter in [0, 1] and max >= initial: "
                    + this);
        }
    }

    /** Ansible's {@code delay}: the same pause before every retry. */
    static Backoff constant(Duration delay) {
        return new Backoff(delay, 1, delay, 0);
    }

    /** A task's retries: {@code delay} apart, or growing from {@code delay} when the task asks for {@code backoff}. */
    static Backoff of(TaskOptions.Retry retry) {
        return retry.backoff().map(b -> new Backoff(retry.delay(), b.factor(), b.max(), b.jitter()))
                .orElseGet(() -> constant(retry.delay()));
    }

    public Duration pause(int retry, RandomGenerator random) {
        double grown = initial.toMillis() * Math.pow(factor, retry - 1);
        double capped = Math.min(grown, max.toMillis());
        double shortened = jitter == 0 ? capped : capped * (1 - jitter * random.nextDouble());
        return Duration.ofMillis(Math.round(shortened));
    }
}
