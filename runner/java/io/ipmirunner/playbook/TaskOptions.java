package io.ipmirunner.playbook;

import io.ipmirunner.expr.Expression;
import io.ipmirunner.yaml.YamlValue;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A task's (or block's, or include's) keywords. Lists of conditions are all required (a logical and),
 * as in Ansible.
 *
 * @param register the variable the result is stored in
 * @param notifies handler names or listen topics, notified when the task reports a change
 */
public record TaskOptions(Conditions conditions, Optional<String> register, Optional<Loop> loop,
                          Optional<Retry> retry, boolean ignoreErrors, List<String> notifies, List<String> tags,
                          Pacing pacing, Map<String, YamlValue> vars) {
    public TaskOptions {
        notifies = List.copyOf(notifies);
        tags = List.copyOf(tags);
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    }

    /** {@code when} (run only if), {@code changed_when} and {@code failed_when} (override the module's verdict). */
    public record Conditions(List<Expression> when, List<Expression> changedWhen, List<Expression> failedWhen) {
        public Conditions {
            when = List.copyOf(when);
            changedWhen = List.copyOf(changedWhen);
            failedWhen = List.copyOf(failedWhen);
        }
    }

    /**
     * {@code retries} / {@code delay} / {@code until}, as in ansible-core 2.16+: after a first try, at most
     * {@code retries} more, {@code delay} apart, until {@code until} holds (without it, until the task does not
     * fail). Present only when the task has {@code retries} or {@code until}; {@code until} alone means 3 retries.
     *
     * @param backoff pauses that grow from {@code delay} instead of staying equal to it (ours, not Ansible's)
     */
    public record Retry(int retries, Duration delay, Optional<Expression> until, Optional<Backoff> backoff) {
        public static final int DEFAULT_RETRIES = 3;
        public static final Duration DEFAULT_DELAY = Duration.ofSeconds(5);
    }

    /**
     * The {@code backoff} keyword: each pause {@code factor} times the one before, at most {@code max}, shortened
     * at random by up to {@code jitter} of itself so hosts that failed together do not retry together.
     */
    public record Backoff(double factor, Duration max, double jitter) {
        public static final double DEFAULT_FACTOR = 2;
        public static final Duration DEFAULT_MAX = Duration.ofMinutes(1);
        public static final double DEFAULT_JITTER = 0.2;
    }

    /**
     * @param throttle at most this many hosts run the task at once
     * @param stagger time between hosts starting the task (inrush current when powering racks on)
     * @param timeout the longest one host may spend on the task
     * @param runOnce run on the first host of the batch only; the result is given to all
     */
    public record Pacing(OptionalInt throttle, Optional<Duration> stagger, Optional<Duration> timeout,
                         boolean runOnce) {}
}
