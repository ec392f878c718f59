package io.ipmirunner.report;

import java.time.Instant;
import java.util.Map;

/**
 * A task on one batch of hosts, from its start to its last host result: one bar of the timeline. A task of a
 * play with {@code serial} has one span per batch.
 */
public record TaskSpan(String play, String task, String module, boolean handler, Instant start, Instant end,
                       Map<String, Integer> counts) {
    public TaskSpan {
        counts = Map.copyOf(counts);
    }
}
