package io.ipmirunner.playbook;

import io.ipmirunner.expr.Expressions;
import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.Problems;
import io.ipmirunner.yaml.Suggestions;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every {@code notify} of a play must reach a handler of that play, by name or {@code listen} topic; Ansible
 * finds out only when the notifying task changes something, mid-run. Handler names must be unique.
 */
final class NotifyCheck {
    private final Play play;
    private final Problems problems;

    NotifyCheck(Play play, Problems problems) {
        this.play = play;
        this.problems = problems;
    }

    void run() {
        Set<String> answered = new LinkedHashSet<>();
        Map<String, Location> names = new HashMap<>();
        for (Handler h : play.handlers()) {
            String name = h.task().name();
            if (!name.isEmpty()) {
                Location first = names.putIfAbsent(name, h.task().at());
                if (first != null) {
                    problems.add(h.task().at(), "two handlers are named '" + name + "' (first at line "
                            + first.line() + ")");
                }
                answered.add(name);
            }
            answered.addAll(h.listen());
        }
        for (List<TaskItem> section : List.of(play.preTasks(), play.tasks(), play.postTasks())) {
            walk(section, answered);
        }
        play.handlers().forEach(h -> check(h.task(), answered));
    }

    private void walk(List<TaskItem> items, Set<String> answered) {
        for (TaskItem item : items) {
            switch (item) {
                case Task t -> check(t, answered);
                case Block b -> {
                    walk(b.block(), answered);
                    walk(b.rescue(), answered);
                    walk(b.always(), answered);
                }
                case IncludeTasks i -> i.tasks().ifPresent(tasks -> walk(tasks, answered));
            }
        }
    }

    private void check(Task t, Set<String> answered) {
        for (String n : t.options().notifies()) {
            if (!answered.contains(n) && !Expressions.isTemplate(n)) {
                problems.add(t.at(), "task '" + t.displayName() + "' notifies '" + n + "', which no handler of "
                        + "this play has as name or listen topic" + Suggestions.hint(n, answered));
            }
        }
    }
}
