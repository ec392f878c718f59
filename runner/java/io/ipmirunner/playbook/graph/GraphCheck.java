package io.ipmirunner.playbook.graph;

import io.ipmirunner.playbook.RunPolicy;
import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.Problem;
import io.ipmirunner.yaml.Problems;
import io.ipmirunner.yaml.Suggestions;
import java.util.List;

/** What {@code check} and {@code play} find on the graph itself, before any BMC is touched. */
public final class GraphCheck {
    private GraphCheck() {}

    /**
     * {@code --start-at-task NAME} must name a task of the playbook: a typo would otherwise pass over every
     * task and report success.
     */
    public static void startAt(TaskGraph graph, String name, Problems errors) {
        if (graph.firstTaskNamed(name).isPresent() && !graph.hasStartTask(name)) {
            errors.add(Location.commandLine("--start-at-task"), "'" + name + "' is a task only in rescue sections: "
                    + "a host reaches it only by failing in the block, so a run cannot start there");
        } else if (graph.firstTaskNamed(name).isEmpty()) {
            List<String> names = graph.nodes().stream().filter(n -> n instanceof GraphNode.TaskNode)
                    .map(n -> ((GraphNode.TaskNode) n).task().displayName()).toList();
            errors.add(Location.commandLine("--start-at-task"), "'" + name + "' names no task of "
                    + graph.playbook() + Suggestions.hint(name, names));
        }
    }

    /** What the graph is worth a warning for, before a run: {@link #runOnceUnderFree}. */
    public static List<Problem> warnings(TaskGraph graph) {
        Problems warnings = new Problems();
        runOnceUnderFree(graph, warnings);
        return warnings.list();
    }

    /**
     * run_once under strategy free: Ansible warns and runs the task on every host; ipmi-runner runs it once,
     * on the first host to reach it, and gives its result to the others. Said before the run.
     */
    private static void runOnceUnderFree(TaskGraph graph, Problems warnings) {
        RunPolicy.Strategy strategy = RunPolicy.Strategy.LINEAR;
        for (GraphNode n : graph.nodes()) {
            if (n instanceof GraphNode.PlayNode p) {
                strategy = p.play().policy().strategy();
            } else if (n instanceof GraphNode.TaskNode t && strategy == RunPolicy.Strategy.FREE
                    && t.task().options().pacing().runOnce()) {
                warnings.add(t.task().at(), "run_once with strategy free: task '" + t.task().displayName()
                        + "' runs once, on the first host to reach it, and the others take its result "
                        + "(Ansible would run it on every host)");
            }
        }
    }
}
