package io.ipmirunner.executor;

import java.util.Map;

/** What one try of an action gave, before changed_when/failed_when and retries have their say. */
record ActionOutcome(boolean changed, boolean failed, boolean unreachable, Map<String, Object> result, String error,
                     FailureClass failureClass) {
    static ActionOutcome ok(boolean changed, Map<String, Object> result) {
        return new ActionOutcome(changed, false, false, result, null, null);
    }

    static ActionOutcome failed(String error, FailureClass failureClass, Map<String, Object> result) {
        return new ActionOutcome(false, true, false, result, error, failureClass);
    }
}
