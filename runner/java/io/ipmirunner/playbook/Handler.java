package io.ipmirunner.playbook;

import java.util.List;

/**
 * A handler: a task that runs once per host at the end of a section when some task that changed something
 * notified it, by its name or by one of its {@code listen} topics.
 */
public record Handler(Task task, List<String> listen) {
    public Handler {
        listen = List.copyOf(listen);
    }

    public boolean answers(String notification) {
        return task.name().equals(notification) || listen.contains(notification);
    }
}
