package io.ipmirunner.cli;

import io.ipmirunner.inventory.HostRanges;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live view as text, pure functions of the model and the time. The status area is always
 * {@link #HEIGHT} lines: the play line, the batch's latest {@link #TASKS_SHOWN} tasks, and the hosts the
 * running task still waits for. Counts come first and names last on every line, so a narrow terminal cuts
 * the names and keeps what matters. {@link #summary} is the line a finished task leaves in the scrollback.
 */
final class ProgressView {
    static final int TASKS_SHOWN = 3;
    static final int HEIGHT = TASKS_SHOWN + 2;
    /** A task waits this long before the area names the hosts it waits for (most answer within it). */
    static final Duration WAITING_SHOWN_AFTER = Duration.ofSeconds(2);

    private ProgressView() {}

    /** Exactly {@link #HEIGHT} lines, none wider than {@code width} columns (blank lines where none apply). */
    static List<String> render(ProgressState.Snapshot s, Instant now, int width) {
        List<String> lines = new ArrayList<>();
        String batch = s.batches() > 1 ? String.format(Locale.ROOT, " batch %d/%d", s.batch(), s.batches()) : "";
        String elapsed = clock(seconds(s.runStarted(), now));
        lines.add(s.play().isEmpty() ? "[" + elapsed + "] starting" : String.format(Locale.ROOT,
                "[%s] hosts=%d failed=%d unreachable=%d%s PLAY [%s]", elapsed, s.hosts(), s.failedHosts(),
                s.unreachableHosts(), batch, s.play()));
        List<ProgressState.TaskTally> tasks = s.tasks();
        List<ProgressState.TaskTally> shown = tasks.subList(Math.max(0, tasks.size() - TASKS_SHOWN), tasks.size());
        for (ProgressState.TaskTally t : shown) {
            lines.add("  " + running(t, now));
        }
        while (lines.size() < 1 + TASKS_SHOWN) {
            lines.add("");
        }
        lines.add(waiting(tasks, now));
        return lines.stream().map(l -> cut(l, width)).toList();
    }

    private static String running(ProgressState.TaskTally t, Instant now) {
        double taken = seconds(t.started(), now);
        String tail;
        if (t.ended() != null) {
            tail = "done " + clock(seconds(t.started(), t.ended()));
        } else if (t.done() == 0) {
            tail = clock(taken);
        } else {
            tail = clock(taken) + " ETA " + clock((t.expected() - t.done()) * taken / t.done());
        }
        return String.format(Locale.ROOT, "%d/%d %s %s %s", t.done(), t.expected(), counts(t), tail, title(t));
    }

    /** The newest unfinished task's missing hosts, once it has run long enough for them to stand out. */
    private static String waiting(List<ProgressState.TaskTally> tasks, Instant now) {
        for (ProgressState.TaskTally t : tasks.reversed()) {
            if (t.ended() == null && !t.waitingFor().isEmpty()
                    && Duration.between(t.started(), now).compareTo(WAITING_SHOWN_AFTER) >= 0) {
                return String.format(Locale.ROOT, "  waiting for %d: %s", t.waitingFor().size(),
                        HostRanges.fold(t.waitingFor()));
            }
        }
        return "";
    }

    /**
     * The line a finished task leaves above the status area: task, counts, duration, and the hosts that
     * failed or were unreachable folded into ranges that paste into {@code --limit}.
     */
    static String summary(ProgressState.TaskTally t) {
        StringBuilder sb = new StringBuilder(title(t));
        if (t.batches() > 1) {
            sb.append(String.format(Locale.ROOT, " batch %d/%d", t.batch(), t.batches()));
        }
        sb.append(' ').append(counts(t));
        if (t.ended() != null) {
            sb.append(" in ").append(String.format(Locale.ROOT, "%.1fs", seconds(t.started(), t.ended())));
        }
        // Sorted first: results come in the order hosts answered, and fold keeps the order of its names' stems.
        if (!t.failedHosts().isEmpty()) {
            sb.append(" failed: ").append(HostRanges.fold(t.failedHosts().stream().sorted().toList()));
        }
        if (!t.unreachableHosts().isEmpty()) {
            sb.append(" unreachable: ").append(HostRanges.fold(t.unreachableHosts().stream().sorted().toList()));
        }
        return sb.toString();
    }

    private static String title(ProgressState.TaskTally t) {
        return (t.handler() ? "RUNNING HANDLER [" : "TASK [") + t.name() + "]";
    }

    private static String counts(ProgressState.TaskTally t) {
        return String.format(Locale.ROOT, "ok=%d changed=%d failed=%d unreachable=%d skipped=%d", t.ok(),
                t.changed(), t.failed(), t.unreachable(), t.skipped());
    }

    /** Cut to the width (never the last column: a line that fills it would wrap on some terminals). */
    private static String cut(String line, int width) {
        int room = Math.max(1, width - 1);
        return line.length() <= room ? line : line.substring(0, Math.max(0, room - 1)) + "…";
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
    }

    /** m:ss, or h:mm:ss past an hour. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
