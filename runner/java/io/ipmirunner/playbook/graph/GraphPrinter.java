package io.ipmirunner.playbook.graph;

import io.ipmirunner.playbook.Action;
import io.ipmirunner.playbook.Play;
import io.ipmirunner.playbook.RunPolicy;
import io.ipmirunner.playbook.TaskOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Prints a task graph as an indented outline (text), Graphviz DOT, or a Mermaid flowchart. Node numbers are
 * the graph's ids, the same in every format.
 */
public final class GraphPrinter {
    public enum Format { TEXT, DOT, MERMAID }

    private GraphPrinter() {}

    /** {@code hostNote} adds to a play's host pattern what the inventory makes of it, e.g. " → 24 hosts". */
    public static String print(TaskGraph g, Format format, Function<Play, String> hostNote) {
        return switch (format) {
            case TEXT -> text(g, hostNote);
            case DOT -> DiagramPrinter.dot(g, hostNote);
            case MERMAID -> DiagramPrinter.mermaid(g, hostNote);
        };
    }

    private static String text(TaskGraph g, Function<Play, String> hostNote) {
        List<String> out = new ArrayList<>();
        out.add("playbook " + g.playbook());
        for (GraphNode.PlayNode p : g.plays()) {
            out.add(label(p, hostNote));
            g.target(p, EdgeKind.START).ifPresent(first -> chain(g, first, 1, out));
            List<GraphNode> handlers = g.targets(p, EdgeKind.HANDLER);
            if (!handlers.isEmpty()) {
                out.add("  handlers:");
                for (GraphNode h : handlers) {
                    out.add(line(h, 2, label(h, hostNote) + notifiedBy(g, h)));
                }
            }
        }
        return String.join("\n", out);
    }

    private static void chain(TaskGraph g, GraphNode first, int depth, List<String> out) {
        for (GraphNode n = first; n != null; n = g.target(n, EdgeKind.NEXT).orElse(null)) {
            out.add(line(n, depth, label(n, null)));
            for (EdgeKind part : List.of(EdgeKind.BLOCK, EdgeKind.RESCUE, EdgeKind.ALWAYS, EdgeKind.INCLUDE)) {
                List<GraphNode> start = g.targets(n, part);
                if (!start.isEmpty()) {
                    if (part != EdgeKind.INCLUDE) {
                        out.add("      " + "  ".repeat(depth) + part.name().toLowerCase(Locale.ROOT) + ":");
                    }
                    chain(g, start.get(0), depth + 2, out);
                }
            }
        }
    }

    private static String line(GraphNode n, int depth, String label) {
        return String.format("  %4s  %s%s", "#" + n.id(), "  ".repeat(depth - 1), label);
    }

    private static String notifiedBy(TaskGraph g, GraphNode handler) {
        List<String> from = g.edges().stream().filter(e -> e.to() == handler.id() && e.kind() == EdgeKind.NOTIFY)
                .map(e -> "#" + e.from()).toList();
        return from.isEmpty() ? "  (notified by nothing)" : "  ← notified by " + String.join(", ", from);
    }

    /** One line describing the node; plays include the policy and the host note. */
    static String label(GraphNode n, Function<Play, String> hostNote) {
        return switch (n) {
            case GraphNode.PlayNode p -> "play " + p.number() + ": " + p.play().displayName() + "  [hosts: "
                    + p.play().hostPattern() + (hostNote == null ? "" : hostNote.apply(p.play()))
                    + policy(p.play().policy()) + "]";
            case GraphNode.TaskNode t -> "task: " + t.task().displayName() + action(t.task().action())
                    + options(t.task().options());
            case GraphNode.BlockNode b -> "block" + (b.block().name().isEmpty() ? "" : ": " + b.block().name())
                    + options(b.block().options());
            case GraphNode.IncludeNode i -> "include_tasks: " + i.include().file().source()
                    + (i.include().tasks().isEmpty() ? " (file chosen at run time)" : "")
                    + options(i.include().options());
            case GraphNode.FlushHandlersNode f -> "flush handlers (after " + f.afterSection() + ")";
            case GraphNode.HandlerNode h -> "handler: " + h.handler().task().displayName()
                    + action(h.handler().task().action())
                    + (h.handler().listen().isEmpty() ? "" : "  listen: " + String.join(", ", h.handler().listen()));
        };
    }

    private static String action(Action a) {
        return "  (" + a.name() + ")";
    }

    private static String policy(RunPolicy p) {
        StringBuilder s = new StringBuilder();
        if (!p.serial().steps().isEmpty()) {
            s.append("; serial ").append(p.serial());
        }
        p.maxFailPercentage().ifPresent(v -> s.append("; max_fail_percentage ").append(v));
        if (p.anyErrorsFatal()) {
            s.append("; any_errors_fatal");
        }
        p.throttle().ifPresent(v -> s.append("; throttle ").append(v));
        if (p.strategy() != RunPolicy.Strategy.LINEAR) {
            s.append("; strategy ").append(p.strategy().name().toLowerCase(Locale.ROOT));
        }
        if (p.order() != RunPolicy.HostOrder.INVENTORY) {
            s.append("; order ").append(p.order().name().toLowerCase(Locale.ROOT));
        }
        p.maxHosts().ifPresent(v -> s.append("; max_hosts ").append(v));
        return s.toString();
    }

    private static String options(TaskOptions o) {
        StringBuilder s = new StringBuilder();
        if (!o.conditions().when().isEmpty()) {
            s.append("  when: ").append(String.join(" && ", o.conditions().when().stream()
                    .map(e -> o.conditions().when().size() > 1 ? "(" + e.source() + ")" : e.source()).toList()));
        }
        o.loop().ifPresent(l -> s.append("  loop"));
        o.retry().ifPresent(r -> s.append("  retries: ").append(r.retries()).append(" delay ")
                .append(seconds(r.delay()))
                .append(r.backoff().map(b -> " backoff x" + number(b.factor()) + " max " + seconds(b.max())
                        + " jitter " + number(b.jitter())).orElse(""))
                .append(r.until().map(u -> " until " + u.source()).orElse("")));
        o.pacing().throttle().ifPresent(t -> s.append("  throttle: ").append(t));
        o.pacing().stagger().ifPresent(t -> s.append("  stagger: ").append(seconds(t)));
        if (o.pacing().runOnce()) {
            s.append("  run_once");
        }
        if (o.ignoreErrors()) {
            s.append("  ignore_errors");
        }
        if (!o.tags().isEmpty()) {
            s.append("  tags: ").append(String.join(",", o.tags()));
        }
        return s.toString();
    }

    private static String seconds(Duration d) {
        return number(d.toMillis() / 1000.0) + "s";
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
