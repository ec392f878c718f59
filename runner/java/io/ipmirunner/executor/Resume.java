package io.ipmirunner.executor;

import io.ipmirunner.playbook.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --resume RUN_DIR}: host results the journal already holds are replayed, not run again; a replayed
 * result registers its value and sets its facts as the original did, so later tasks see the same variables.
 * Tasks are named by where they are written, so two tasks of the same name stay apart. A task that ran more
 * than once on a host (a handler notified before two flushes, a file included twice) has its results replayed
 * once each, in the journal's order; past them it runs. Shared by the hosts' threads, hence synchronized.
 */
public final class Resume {
    public static final Resume NONE = new Resume(Map.of());

    private final Map<String, ArrayDeque<RunEvent.HostResult>> finished;

    private Resume(Map<String, ArrayDeque<RunEvent.HostResult>> finished) {
        this.finished = finished;
    }

    public static Resume from(Path runDir) throws IOException {
        Map<String, ArrayDeque<RunEvent.HostResult>> done = new HashMap<>();
        Map<String, ArrayDeque<RunEvent.HostResult>> run = new HashMap<>();
        for (JournalCodec.Entry e : JournalReader.read(runDir)) {
            if (e.event() instanceof RunEvent.RunStarted) {
                fold(done, run);
                run = new HashMap<>();
            } else if (e.event() instanceof RunEvent.HostResult r) {
                run.computeIfAbsent(key(r.host(), r.taskAt()), k -> new ArrayDeque<>()).add(r);
            }
        }
        fold(done, run);
        return new Resume(done);
    }

    /**
     * The journal of a resumed run holds the results of each run, one after the other (each starts with
     * run_start). A resumed run journals the results it replays, in order, before those it runs: so of two
     * runs' results for a task on a host, the longer list holds the shorter one.
     */
    private static void fold(Map<String, ArrayDeque<RunEvent.HostResult>> done,
                             Map<String, ArrayDeque<RunEvent.HostResult>> run) {
        run.forEach((k, results) -> done.merge(k, results, (before, now) -> now.size() >= before.size() ? now : before));
    }

    /** How many host results there are to replay. */
    public synchronized int size() {
        return finished.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    /**
     * For a {@code run_once} task: the host among {@code hosts} the journal holds a result of it for, so that
     * the result is replayed even when the batch's first host is another one this time (else the task would
     * run once more).
     */
    synchronized Optional<String> ranOnce(Task task, Collection<String> hosts) {
        String at = task.at().toString();
        return hosts.stream().filter(h -> !finished.getOrDefault(key(h, at), EMPTY).isEmpty()).findFirst();
    }

    /** The results the journal holds for the task written at {@code taskAt} on {@code host}, oldest first. */
    synchronized List<RunEvent.HostResult> finished(String host, String taskAt) {
        return List.copyOf(finished.getOrDefault(key(host, taskAt), EMPTY));
    }

    /** The journal's next result of this task on this host, its variables restored; empty when it must run. */
    Optional<RunEvent.HostResult> replay(Task task, HostContext host) {
        if (finished.isEmpty()) {
            // No resume (or a journal without results): nothing to take, so no lock for a thousand hosts'
            // threads to spin on at a task's start (JFR, exec on 1,000 BMCs: 18 samples in this method).
            // The map is never added to after construction, so empty stays empty.
            return Optional.empty();
        }
        RunEvent.HostResult r;
        synchronized (this) {
            var queue = finished.get(key(host.host(), task.at().toString()));
            r = queue == null ? null : queue.poll();
        }
        return Optional.ofNullable(r).map(found -> replay(found, task, host));
    }

    private static final ArrayDeque<RunEvent.HostResult> EMPTY = new ArrayDeque<>();

    private static RunEvent.HostResult replay(RunEvent.HostResult r, Task task, HostContext host) {
        Map<String, Object> result = new LinkedHashMap<>(r.result());
        task.options().register().ifPresent(name -> host.vars().put(name, result));
        if (result.get("ansible_facts") instanceof Map<?, ?> facts) {
            facts.forEach((k, v) -> host.vars().put(String.valueOf(k), v));
        }
        return new RunEvent.HostResult(host.host(), task.displayName(), task.at().toString(), r.status(), r.ignored(),
                r.attempts(), Duration.ZERO, result, r.error(), r.failureClass());
    }

    private static String key(String host, String taskAt) {
        return host + "\u0000" + taskAt;
    }
}
