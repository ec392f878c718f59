package io.ipmirunner.playbook;

import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.YamlValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One play: which hosts, with which variables, how they are paced ({@link RunPolicy}), and its task
 * sections, run in the order pre_tasks, tasks, post_tasks, with notified handlers flushed after each.
 *
 * @param hostPattern an Ansible host pattern, resolved against the inventory at run time
 */
public record Play(String name, Location at, String hostPattern, Location hostsAt, Map<String, YamlValue> vars,
                   List<VarsFile> varsFiles, RunPolicy policy, List<String> tags, List<TaskItem> preTasks,
                   List<TaskItem> tasks, List<TaskItem> postTasks, List<Handler> handlers) {
    public Play {
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        varsFiles = List.copyOf(varsFiles);
        tags = List.copyOf(tags);
        preTasks = List.copyOf(preTasks);
        tasks = List.copyOf(tasks);
        postTasks = List.copyOf(postTasks);
        handlers = List.copyOf(handlers);
    }

    /** The play's name, or its host pattern when it has none (as Ansible shows it). */
    public String displayName() {
        return name.isEmpty() ? hostPattern : name;
    }
}
