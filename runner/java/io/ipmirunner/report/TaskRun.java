package io.ipmirunner.report;

import java.time.Instant;
import java.util.Map;

/**
 * One host's result of one task, as the journal holds it.
 *
 * @param module the task's action, or "" when the journal has no task start for it (a journal cut short)
 */
public record TaskRun(String play, String task, String taskAt, String module, String status, boolean ignored,
                      int attempts, long durationMs, Map<String, Object> result, String error, String failureClass,
                      Instant finishedAt) {
    /** Failed and not ignored, or unreachable: the host left the play here. */
    public boolean counted() {
        return status.equals("unreachable") || status.equals("failed") && !ignored;
    }
}
