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
     * rollout stopped before its batch, or the run was interrupted).
     */
    public String status() {
        Optional<TaskRun> f = firstFailure();
        if (f.isPresent()) {
            return f.get().status();
        }
        if (tasks.isEmpty()) {
            return "not_run";
        }
        if (tasks.stream().anyMatch(t -> t.status().equals("changed"))) {
            return "changed";
        }
        return tasks.stream().allMatch(t -> t.status().equals("skipped")) ? "skipped" : "ok";
    }

    /** The result that made the host leave the play, if one did. */
    public Optional<TaskRun> firstFailure() {
        return tasks.stream().filter(TaskRun::counted).findFirst();
    }

    public long durationMs() {
        return tasks.stream().mapToLong(TaskRun::durationMs).sum();
    }
}
