package io.ipmirunner.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run as its journal tells it.
 *
 * @param request what was asked for (playbook, inventory, limit, check, user); empty for a journal written
 *                before run_start lines existed
 * @param complete the journal ends with run_end; false for a run killed or still going
 * @param starts   how many times the run was started: more than one after {@code --resume}
 */
public record RunRecord(Map<String, Object> request, Instant started, Instant ended, boolean complete,
                        int starts, List<String> plays, Map<String, HostRecord> hosts, List<TaskSpan> spans) {
    public RunRecord {
        plays = List.copyOf(plays);
        spans = List.copyOf(spans);
    }

    public long durationMs() {
        return started == null || ended == null ? 0 : Duration.between(started, ended).toMillis();
    }
}
