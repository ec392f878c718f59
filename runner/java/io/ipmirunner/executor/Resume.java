package io.ipmirunner.executor;

import io.ipmirunner.playbook.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --resume RUN_DIR}: host results the journal already holds are replayed, not run again; a replayed
 * result registers its value and sets its facts as the original did, so later tasks see the same variables.
 * Tasks are named by where they are written, so two tasks of the same name stay apart.
 */
public final class Resume {
    public static final Resume NONE = new Resume(Map.of());

    private final Map<String, Map<?, ?>> finished;

    private Resume(Map<String, Map<?, ?>> finished) {
        this.finished = finished;
    }

    public static Resume from(Path runDir) throws IOException {
        Map<String, Map<?, ?>> done = new HashMap<>();
        for (Map<?, ?> r : JournalReader.hostResults(runDir)) {
            done.put(key(String.valueOf(r.get("host")), String.valueOf(r.get("task_at"))), r);
        }
        return new Resume(done);
    }

    public int size() {
        return finished.size();
    }

    /** The journal's result of this task on this host, its variables restored; empty when it must run. */
    Optional<RunEvent.HostResult> replay(Task task, HostContext host) {
        Map<?, ?> r = finished.get(key(host.host(), task.at().toString()));
        if (r == null) {
            return Optional.empty();
        }
        Map<String, Object> result = new LinkedHashMap<>(); // exec prints the keys in the module's order
        if (r.get("result") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(String.valueOf(k), v));
        }
        task.options().register().ifPresent(name -> host.vars().put(name, result));
        if (result.get("ansible_facts") instanceof Map<?, ?> facts) {
            facts.forEach((k, v) -> host.vars().put(String.valueOf(k), v));
        }
        RunEvent.Status status = RunEvent.Status.valueOf(String.valueOf(r.get("status")).toUpperCase(Locale.ROOT));
        int attempts = r.get("attempts") instanceof Number n ? n.intValue() : 1;
        return Optional.of(new RunEvent.HostResult(host.host(), task.displayName(), task.at().toString(), status,
                Boolean.TRUE.equals(r.get("ignored")), attempts, Duration.ZERO, result,
                r.get("error") == null ? null : String.valueOf(r.get("error")),
                r.get("failure_class") == null ? null : String.valueOf(r.get("failure_class"))));
    }

    private static String key(String host, String taskAt) {
        return host + "\u0000" + taskAt;
    }
}
