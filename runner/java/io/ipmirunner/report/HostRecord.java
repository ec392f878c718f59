package io.ipmirunner.report;

import java.util.List;
import java.util.Optional;

/** One inventory host of a run: its task results in journal order. */
public record HostRecord(String name, List<TaskRun> tasks) {
    public HostRecord {
        tasks = List.copyOf(tasks);
    }

    /**
     * {@code failed} or {@code unreachable} when a result made the host leave, else {@code changed} or
     * {@code ok}; {@code skipped} when every task skipped it, {@code not_run} when it never got a task (a
     * rollout stopped before its batch, or the run was interrupted). Loops, not streams, here and below:
     * the reports ask every host this at the end of a run, in a JVM that has not compiled a stream pipeline.
     */
    public String status() {
        if (tasks.isEmpty()) {
            return "not_run";
        }
        boolean changed = false;
        boolean allSkipped = true;
        for (TaskRun t : tasks) {
            if (t.counted()) {
                return t.status();
            }
            changed |= t.status().equals("changed");
            allSkipped &= t.status().equals("skipped");
        }
        return changed ? "changed" : allSkipped ? "skipped" : "ok";
    }

    /** The result that made the host leave the play, if one did. */
    public Optional<TaskRun> firstFailure() {
        for (TaskRun t : tasks) {
            if (t.counted()) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public long durationMs() {
        long sum = 0;
        for (TaskRun t : tasks) {
            sum += t.durationMs();
        }
        return sum;
    }
}
