package io.ipmirunner.executor;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a playbook run goes, from the command line.
 *
 * @param forks hosts working on a task at once (IPMI work is waiting, so this can be high)
 * @param tags run only tasks with one of these tags (empty: all but {@code never})
 * @param skipTags never run tasks with these tags
 * @param extraVars {@code -e}, which win over every other variable
 * @param startAtTask {@code --start-at-task}: tasks before the first one of this name do not run
 * @param resume host results of an earlier run, replayed instead of run ({@link Resume#NONE} normally)
 */
public record RunOptions(int forks, boolean checkMode, Set<String> tags, Set<String> skipTags,
                         Map<String, Object> extraVars, Optional<String> startAtTask, Resume resume, Sleeper sleeper,
                         Clock clock, RetryPolicy retryPolicy) {
    public RunOptions {
        forks = Math.max(1, forks);
        tags = Set.copyOf(tags);
        skipTags = Set.copyOf(skipTags);
    }

    /** Ansible's tag selection: {@code always} runs unless skipped by name, {@code never} only when asked for. */
    public boolean selects(Set<String> taskTags) {
        if (taskTags.stream().anyMatch(skipTags::contains)) {
            return false;
        }
        if (taskTags.contains("always")) {
            return true;
        }
        if (tags.isEmpty() || tags.contains("all")) {
            return !taskTags.contains("never");
        }
        return taskTags.stream().anyMatch(tags::contains) || tags.contains("tagged") && !taskTags.isEmpty()
                || tags.contains("untagged") && taskTags.isEmpty();
    }
}
