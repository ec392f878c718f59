package io.ipmirunner.playbook.graph;

import io.ipmirunner.playbook.Task;
import io.ipmirunner.playbook.TaskOptions;
import io.ipmirunner.yaml.YamlValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The keywords a block (or include) hands down to every task inside it: {@code ignore_errors}, {@code vars}
 * (the task's own win), {@code throttle}, {@code stagger}, {@code timeout}, {@code run_once}. Its {@code when}
 * is decided once, as the hosts enter; tags are collected separately. {@code retries}, {@code delay},
 * {@code until} and {@code backoff} are the task's own, as in Ansible, where a block cannot carry them. The task
 * keeps its location, which names it in the journal.
 */
final class BlockKeywords {
    private BlockKeywords() {}

    static Task apply(TaskOptions parent, Task task) {
        return new Task(task.name(), task.at(), task.action(), merge(parent, task.options()));
    }

    static TaskOptions merge(TaskOptions parent, TaskOptions child) {
        Map<String, YamlValue> vars = new LinkedHashMap<>(parent.vars());
        vars.putAll(child.vars());
        TaskOptions.Pacing p = parent.pacing();
        TaskOptions.Pacing c = child.pacing();
        TaskOptions.Pacing pacing = new TaskOptions.Pacing(
                c.throttle().isPresent() ? c.throttle() : p.throttle().isPresent() ? p.throttle() : OptionalInt.empty(),
                c.stagger().or(p::stagger), c.timeout().or(p::timeout), c.runOnce() || p.runOnce());
        return new TaskOptions(child.conditions(), child.register(), child.loop(), child.retry(),
                child.ignoreErrors() || parent.ignoreErrors(), child.notifies(), child.tags(), pacing, vars);
    }
}
