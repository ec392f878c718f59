package io.ipmirunner.playbook.graph;

import io.ipmirunner.playbook.Play;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The task graph as diagrams: Graphviz DOT (one cluster per play) and Mermaid flowcharts. Edge styles say
 * the kind: solid for order, red for rescue, blue for always, dashed for notify, bold between plays.
 */
final class DiagramPrinter {
    private DiagramPrinter() {}

    static String dot(TaskGraph g, Function<Play, String> hostNote) {
        List<String> out = new ArrayList<>();
        out.add("digraph playbook {");
        out.add("  rankdir=TB;");
        out.add("  node [shape=box, fontname=\"monospace\"];");
        int play = 0;
        for (GraphNode n : g.nodes()) {
            if (n instanceof GraphNode.PlayNode p) {
                if (play > 0) {
                    out.add("  }");
                }
                play = p.number();
                out.add("  subgraph cluster_play" + play + " {");
                out.add("    label=\"" + dotEscape("play " + play + ": " + p.play().displayName()) + "\";");
            }
            out.add("    n" + n.id() + " [label=\"" + dotEscape("#" + n.id() + " " + GraphPrinter.label(n, hostNote))
                    + "\"" + dotShape(n) + "];");
        }
        if (play > 0) {
            out.add("  }");
        }
        for (GraphEdge e : inOrder(g)) {
            out.add("  n" + e.from() + " -> n" + e.to() + dotStyle(e.kind()) + ";");
        }
        out.add("}");
        return String.join("\n", out);
    }

    static String mermaid(TaskGraph g, Function<Play, String> hostNote) {
        List<String> out = new ArrayList<>();
        out.add("flowchart TD");
        for (GraphNode n : g.nodes()) {
            String label = mermaidEscape("#" + n.id() + " " + GraphPrinter.label(n, hostNote));
            out.add("  n" + n.id() + switch (n) {
                case GraphNode.PlayNode p -> "([\"" + label + "\"])";
                case GraphNode.BlockNode b -> "{{\"" + label + "\"}}";
                case GraphNode.FlushHandlersNode f -> "[/\"" + label + "\"/]";
                case GraphNode.HandlerNode h -> "[[\"" + label + "\"]]";
                default -> "[\"" + label + "\"]";
            });
        }
        for (GraphEdge e : inOrder(g)) {
            String arrow = switch (e.kind()) {
                case NEXT, START -> " --> ";
                case NOTIFY -> " -.->|notify| ";
                case NEXT_PLAY -> " ==> ";
                default -> " -->|" + e.kind().name().toLowerCase(java.util.Locale.ROOT) + "| ";
            };
            out.add("  n" + e.from() + arrow + "n" + e.to());
        }
        return String.join("\n", out);
    }

    /** Edges by source node, so the text reads top to bottom. */
    private static List<GraphEdge> inOrder(TaskGraph g) {
        return g.edges().stream().sorted(java.util.Comparator.comparingInt(GraphEdge::from)
                .thenComparing(GraphEdge::kind)).toList();
    }

    private static String dotShape(GraphNode n) {
        return switch (n) {
            case GraphNode.PlayNode p -> ", shape=ellipse, style=bold";
            case GraphNode.BlockNode b -> ", shape=box3d";
            case GraphNode.FlushHandlersNode f -> ", shape=parallelogram";
            case GraphNode.HandlerNode h -> ", style=rounded";
            default -> "";
        };
    }

    private static String dotStyle(EdgeKind kind) {
        return switch (kind) {
            case NEXT, START -> "";
            case BLOCK, INCLUDE, HANDLER -> " [label=\"" + kind.name().toLowerCase(java.util.Locale.ROOT) + "\"]";
            case RESCUE -> " [label=\"rescue\", color=red]";
            case ALWAYS -> " [label=\"always\", color=blue]";
            case NOTIFY -> " [label=\"notify\", style=dashed]";
            case NEXT_PLAY -> " [style=bold]";
        };
    }

    private static String dotEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String mermaidEscape(String s) {
        return s.replace("\"", "#quot;").replace("\n", " ");
    }
}
