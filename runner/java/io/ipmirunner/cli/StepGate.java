package io.ipmirunner.cli;

import io.ipmirunner.executor.TaskGate;
import io.ipmirunner.playbook.Task;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --step}, as Ansible's: before each task, "(N)o/(y)es/(c)ontinue"; c runs the rest without asking.
 * Under the free strategy hosts reach a task one by one: the first answer for a task holds for all of them.
 */
final class StepGate implements TaskGate {
    private final Operator operator;
    private final Map<String, Boolean> answered = new HashMap<>();
    private boolean continuing;

    StepGate(Operator operator) {
        this.operator = operator;
    }

    @Override
    public synchronized boolean admit(String play, Task task, List<String> hosts) {
        Boolean earlier = answered.get(task.at().toString());
        if (earlier != null) {
            return earlier;
        }
        if (continuing) {
            return true;
        }
        String a = operator.ask("Perform task: TASK: " + task.displayName() + " (" + hosts.size() + " hosts) "
                + "(N)o/(y)es/(c)ontinue: ").toLowerCase(java.util.Locale.ROOT);
        continuing = a.equals("c") || a.equals("continue");
        boolean run = continuing || a.equals("y") || a.equals("yes");
        answered.put(task.at().toString(), run);
        return run;
    }
}
