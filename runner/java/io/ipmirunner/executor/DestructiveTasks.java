package io.ipmirunner.executor;

import io.ipmirunner.modules.Modules;
import io.ipmirunner.playbook.Action;
import io.ipmirunner.playbook.Block;
import io.ipmirunner.playbook.Handler;
import io.ipmirunner.playbook.IncludeTasks;
import io.ipmirunner.playbook.Play;
import io.ipmirunner.playbook.Task;
import io.ipmirunner.playbook.TaskItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tasks of a play whose module calls are destructive ({@link io.ipmirunner.modules.Module#destructive}). */
public final class DestructiveTasks {
    /** One such task: where it is written and what it calls, e.g. {@code power state=cycle}. */
    public record Found(String task, String at, String call) {}

    private DestructiveTasks() {}

    public static List<Found> in(Play play) {
        List<Found> out = new ArrayList<>();
        for (List<TaskItem> section : List.of(play.preTasks(), play.tasks(), play.postTasks())) {
            walk(section, out);
        }
        for (Handler h : play.handlers()) {
            check(h.task(), out);
        }
        return out;
    }

    private static void walk(List<TaskItem> items, List<Found> out) {
        for (TaskItem item : items) {
            switch (item) {
                case Task t -> check(t, out);
                case Block b -> {
                    walk(b.block(), out);
                    walk(b.rescue(), out);
                    walk(b.always(), out);
                }
                case IncludeTasks inc -> inc.tasks().ifPresent(tasks -> walk(tasks, out));
            }
        }
    }

    private static void check(Task t, List<Found> out) {
        if (!(t.action() instanceof Action.ModuleCall call)) {
            return;
        }
        Map<String, String> args = new LinkedHashMap<>();
        call.args().forEach((k, v) -> args.put(k, String.valueOf(v.toPlain())));
        if (Modules.find(call.name()).map(m -> m.destructive(args)).orElse(false)) {
            StringBuilder shown = new StringBuilder(call.name());
            args.forEach((k, v) -> shown.append(' ').append(k).append('=').append(v));
            out.add(new Found(t.displayName(), t.at().toString(), shown.toString()));
        }
    }
}
