package io.ipmirunner.cli;

import io.ipmirunner.executor.RunOptions;
import io.ipmirunner.inventory.Host;
import io.ipmirunner.inventory.HostPattern;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.playbook.graph.GraphNode;
import io.ipmirunner.playbook.graph.TaskGraph;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * play's {@code --list-hosts}, {@code --list-tasks} and {@code --list-tags}, laid out as ansible-playbook's: per
 * play its hosts (after --limit), the tasks --tags/--skip-tags would run with their tags, or the tags in use.
 * The graph's nodes come in playbook order, each play's tasks after its play node.
 */
record PlayListing(boolean hosts, boolean tasks, boolean tags) {
    boolean any() {
        return hosts || tasks || tags;
    }

    void print(TaskGraph graph, Inventory inventory, Optional<HostPattern> limit, RunOptions selection,
               PrintStream out) {
        out.println();
        out.println("playbook: " + graph.playbook());
        List<GraphNode> nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (!(nodes.get(i) instanceof GraphNode.PlayNode play)) {
                continue;
            }
            List<GraphNode.TaskNode> playTasks = new ArrayList<>();
            for (int j = i + 1; j < nodes.size() && !(nodes.get(j) instanceof GraphNode.PlayNode); j++) {
                if (nodes.get(j) instanceof GraphNode.TaskNode t) {
                    playTasks.add(t);
                }
            }
            out.println();
            out.println("  play #" + play.number() + " (" + play.play().hostPattern() + "): "
                    + play.play().displayName() + "\tTAGS: " + sorted(play.play().tags()));
            if (hosts) {
                List<Host> selected = inventory.select(HostPattern.parse(play.play().hostPattern()), limit);
                out.println("    pattern: ['" + play.play().hostPattern() + "']");
                out.println("    hosts (" + selected.size() + "):");
                selected.forEach(h -> out.println("      " + h.name()));
            }
            if (tasks) {
                out.println("    tasks:");
                playTasks.stream().filter(t -> selection.selects(t.tags()))
                        .forEach(t -> out.println("      " + t.task().displayName() + "\tTAGS: " + sorted(t.tags())));
            }
            if (tags) {
                TreeSet<String> all = new TreeSet<>();
                playTasks.forEach(t -> all.addAll(t.tags()));
                out.println("      TASK TAGS: " + all);
            }
        }
    }

    private static String sorted(java.util.Collection<String> tags) {
        return new TreeSet<>(tags).toString();
    }
}
