package io.ipmirunner.executor;

import io.ipmirunner.playbook.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --resume RUN_DIR}: host results the journal already holds are replayed, not run again; a replayed
 * result registers its value and sets its facts as the original did, so later tasks see the same variables.
 * Tasks are named by where they are written, so two tasks of the same name stay apart.
 */
public final class Resume {
    public static final Resume NONE = new Resume(Map.of());

    private final Map<String, RunEvent.HostResult> finished;

    private Resume(Map<String, RunEvent.HostResult> finished) {
        this.finished = finished;
    }

    public static Resume from(Path runDir) throws IOException {
        Map<String, RunEvent.HostResult> done = new HashMap<>();
        for (JournalCodec.Entry e : JournalReader.read(runDir)) {
            if (e.event() instanceof RunEvent.HostResult r) {
                done.put(key(r.host(), r.taskAt()), r);
            }
        }
        return new Resume(done);
    }

    public int size() {
        return finished.size();
    }

    /** The result the journal holds for the task written at {@code taskAt} on {@code host}, as it holds it. */
    Optional<RunEvent.HostResult> finished(String host, String taskAt) {
        return Optional.ofNullable(finished.get(key(host, taskAt)));
    }

    /** The journal's result of this task on this host, its variables restored; empty when it must run. */
    Optional<RunEvent.HostResult> replay(Task task, HostContext host) {
        return finished(host.host(), task.at().toString()).map(r -> replay(r, task, host));
    }

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
