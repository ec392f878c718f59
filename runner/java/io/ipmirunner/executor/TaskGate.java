package io.ipmirunner.executor;

import io.ipmirunner.playbook.Task;
import java.util.List;

/** Asked before a task starts on its hosts ({@code --step}): false skips the task for all of them. */
@FunctionalInterface
public interface TaskGate {
    TaskGate OPEN = (play, task, hosts) -> true;

    boolean admit(String play, Task task, List<String> hosts) throws InterruptedException;
}
