package io.ipmirunner.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The status area as text, a pure function of a {@link ProgressState.Snapshot} and the time: a head line
 * (play, hosts, results, rate), then the latest tasks with done/ok/changed/failed/unreachable, their ETA,
 * and the slowest hosts of the task running now. Lines are cut to the terminal width.
 */
final class ProgressView {
    static final int TASKS_SHOWN = 3;

    private ProgressView() {}

    static List<String> render(ProgressState.Snapshot s, Instant now, int width) {
        List<String> lines = new ArrayList<>();
        double elapsed = Math.max(0.001, Duration.between(s.runStarted(), now).toMillis() / 1000.0);
        lines.add(String.format(Locale.ROOT, "[%s] PLAY [%s] %d hosts, %d results, %.1f/s", clock(elapsed),
                s.play(), s.hosts(), s.results(), s.results() / elapsed));
        List<ProgressState.TaskTally> tasks = s.tasks();
        for (ProgressState.TaskTally t : tasks.subList(Math.max(0, tasks.size() - TASKS_SHOWN), tasks.size())) {
            lines.add(task(t, now));
        }
        if (!tasks.isEmpty() && !tasks.getLast().slowest().isEmpty()) {
            StringBuilder slow = new StringBuilder("  slowest:");
            for (ProgressState.Slow h : tasks.getLast().slowest()) {
                slow.append(String.format(Locale.ROOT, " %s %.1fs", h.host(), h.took().toMillis() / 1000.0));
            }
            lines.add(slow.toString());
        }
        return lines.stream().map(l -> l.length() > width ? l.substring(0, Math.max(0, width - 1)) + "…" : l)
                .toList();
    }

    private static String task(ProgressState.TaskTally t, Instant now) {
        String counts = String.format(Locale.ROOT, "%d/%d ok=%d changed=%d failed=%d unreachable=%d skipped=%d",
                t.done(), t.expected(), t.ok(), t.changed(), t.failed(), t.unreachable(), t.skipped());
        double taken = Duration.between(t.started(), now).toMillis() / 1000.0;
        String tail;
        if (t.done() >= t.expected()) {
            tail = String.format(Locale.ROOT, "done in %s", clock(taken));
        } else if (t.done() == 0 || taken <= 0) {
            tail = "ETA ?";
        } else {
            double eta = (t.expected() - t.done()) * taken / t.done();
            tail = "ETA " + clock(eta);
        }
        return "  TASK [" + t.name() + "] " + counts + " " + tail;
    }

    /** m:ss, or h:mm:ss past an hour. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
