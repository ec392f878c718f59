package io.ipmirunner.cli;

import io.ipmirunner.executor.RunEvent;
import io.ipmirunner.executor.RunListener;
import io.ipmirunner.util.Json;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Per-task, per-host lines (with -v each host's result as JSON) and a PLAY RECAP, as Ansible's output. Under
 * a live status area only failures are printed per host, unless -v asks for task headers and every host line.
 */
final class PlayPrinter implements RunListener {
    private final AtomicBoolean interrupted;
    private final Consumer<String> out;
    private final boolean everyHost;
    private final boolean taskHeaders;

    PlayPrinter(AtomicBoolean interrupted) {
        this(interrupted, System.out::println, true, true);
    }

    /** @param taskHeaders whether a task's start prints its header (the live view prints a summary instead) */
    PlayPrinter(AtomicBoolean interrupted, Consumer<String> out, boolean everyHost, boolean taskHeaders) {
        this.interrupted = interrupted;
        this.out = out;
        this.everyHost = everyHost;
        this.taskHeaders = taskHeaders;
    }

    @Override
    public synchronized void on(RunEvent event) {
        if (interrupted.get()) {
            return;
        }
        switch (event) {
            case RunEvent.RunStarted s -> { }
            case RunEvent.PlayStarted p -> out.accept("\nPLAY [" + p.play() + "]");
            case RunEvent.TaskStarted t -> {
                if (taskHeaders) {
                    out.accept("\n" + (t.handler() ? "RUNNING HANDLER [" : "TASK [") + t.task() + "]");
                }
            }
            case RunEvent.HostResult r -> {
                if (everyHost || !r.keepsHost() || r.ignored()) {
                    out.accept(line(r));
                }
            }
            case RunEvent.Rescued r -> { }
            case RunEvent.PlayEnded p -> { }
            case RunEvent.BatchStarted b -> { }
            case RunEvent.RunEnded r -> recap(r.recap());
        }
    }

    private static String line(RunEvent.HostResult r) {
        String label = r.status() == RunEvent.Status.SKIPPED ? "skipping" : r.status().label();
        String head = label + ": [" + r.host() + "]";
        String tries = r.attempts() > 1 ? " (attempts: " + r.attempts() + ")" : "";
        return switch (r.status()) {
            case FAILED, UNREACHABLE -> head + tries + " => " + r.error() + (r.failureClass() == null ? ""
                    : " [" + r.failureClass() + "]") + (r.ignored() ? " ...ignoring" : "");
            case OK, CHANGED -> head + tries + (Verbosity.level() >= 1 ? " => " + Json.write(r.result())
                    : r.result().containsKey("msg") ? " => " + r.result().get("msg") : "");
            case SKIPPED -> head;
        };
    }

    private void recap(Map<String, RunEvent.Recap> recap) {
        out.accept("\nPLAY RECAP " + "*".repeat(60));
        int width = recap.keySet().stream().mapToInt(String::length).max().orElse(0);
        recap.forEach((h, c) -> out.accept(String.format(Locale.ROOT,
                "%-" + Math.max(width, 20) + "s : ok=%-4d changed=%-4d unreachable=%-4d failed=%-4d skipped=%-4d "
                        + "rescued=%-4d ignored=%d", h, c.ok(), c.changed(), c.unreachable(), c.failed(), c.skipped(),
                c.rescued(), c.ignored())));
    }
}
