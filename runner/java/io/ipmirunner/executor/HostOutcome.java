package io.ipmirunner.executor;

import java.util.Map;

/** The end state of one host in a run: status ok|changed|failed|unreachable, with a result or an error. */
public record HostOutcome(String host, Status status, Map<String, Object> result, String error,
                          FailureClass failureClass, long durationMillis) {
    public enum Status {
        OK, CHANGED, FAILED, UNREACHABLE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
