package io.ipmirunner.playbook.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.playbook.PlaybookParser;
import io.ipmirunner.yaml.TestFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskGraphTest {
    @TempDir
    Path dir;

    private TaskGraph graph(String yaml) {
        return TaskGraph.of(PlaybookParser.parse(TestFiles.write(dir, "play.yml", yaml)));
    }

    private static String names(List<GraphNode> nodes) {
        return String.join(",", nodes.stream().map(n -> GraphPrinter.label(n, null).split("  ")[0]).toList());
    }

    private static final String PLAYBOOK = """
            - name: first
              hosts: all
              pre_tasks:
                - name: pre
                  mc_info:
              tasks:
                - name: b
                  block:
                    - name: in block
                      power: state=on
                      notify: h
                  rescue:
                    - name: in rescue
                      debug: msg=r
                  always:
                    - name: in always
                      debug: msg=a
                - name: after
                  mc_info:
              handlers:
                - name: h
                  mc_info:
                  notify: topic
                - name: h2
                  mc_info:
                  listen: topic
            - name: second
              hosts: all
              tasks:
                - name: only
                  mc_info:
            """;

    @Test
    void edgesFollowAnsiblesRunOrder() {
        TaskGraph g = graph(PLAYBOOK);
        List<GraphNode.PlayNode> plays = g.plays();
        assertEquals(2, plays.size());
        GraphNode pre = g.target(plays.get(0), EdgeKind.START).orElseThrow();
        assertEquals("task: pre", names(List.of(pre)));
        GraphNode flush = g.target(pre, EdgeKind.NEXT).orElseThrow();
        assertEquals("pre_tasks", assertInstanceOf(GraphNode.FlushHandlersNode.class, flush).afterSection());
        GraphNode block = g.target(flush, EdgeKind.NEXT).orElseThrow();
        assertInstanceOf(GraphNode.BlockNode.class, block);
        assertEquals("task: in block", names(g.targets(block, EdgeKind.BLOCK)));
        assertEquals("task: in rescue", names(g.targets(block, EdgeKind.RESCUE)));
        assertEquals("task: in always", names(g.targets(block, EdgeKind.ALWAYS)));
        GraphNode after = g.target(block, EdgeKind.NEXT).orElseThrow();
        assertEquals("task: after", names(List.of(after)));
        assertEquals("tasks", assertInstanceOf(GraphNode.FlushHandlersNode.class,
                g.target(after, EdgeKind.NEXT).orElseThrow()).afterSection());
        assertEquals("handler: h,handler: h2", names(g.targets(plays.get(0), EdgeKind.HANDLER)));
        GraphNode inBlock = g.targets(block, EdgeKind.BLOCK).get(0);
        assertEquals("handler: h", names(g.targets(inBlock, EdgeKind.NOTIFY)));
        GraphNode h = g.targets(plays.get(0), EdgeKind.HANDLER).get(0);
        assertEquals("handler: h2", names(g.targets(h, EdgeKind.NOTIFY)), "handlers notify handlers by listen");
        assertEquals(plays.get(1), g.target(plays.get(0), EdgeKind.NEXT_PLAY).orElseThrow());
        for (int i = 0; i < g.nodes().size(); i++) {
            assertEquals(i, g.nodes().get(i).id());
        }
    }

    @Test
    void textOutline() {
        assertEquals("""
                playbook PB
                play 1: first  [hosts: all → 3 hosts]
                    #1  task: pre  (mc_info)
                    #2  flush handlers (after pre_tasks)
                    #3  block: b
                        block:
                    #4      task: in block  (power)
                        rescue:
                    #5      task: in rescue  (debug)
                        always:
                    #6      task: in always  (debug)
                    #7  task: after  (mc_info)
                    #8  flush handlers (after tasks)
                  handlers:
                    #9    handler: h  (mc_info)  ← notified by #4
                   #10    handler: h2  (mc_info)  listen: topic  ← notified by #9
                play 2: second  [hosts: all → 3 hosts]
                   #12  task: only  (mc_info)
                   #13  flush handlers (after tasks)""", GraphPrinter.print(graph(PLAYBOOK), GraphPrinter.Format.TEXT,
                p -> " → 3 hosts").replace(dir.resolve("play.yml").toString(), "PB"));
    }

    @Test
    void dotAndMermaid() {
        TaskGraph g = graph(PLAYBOOK);
        String dot = GraphPrinter.print(g, GraphPrinter.Format.DOT, p -> "");
        assertTrue(dot.startsWith("digraph playbook {"), dot);
        assertTrue(dot.contains("subgraph cluster_play2 {"), dot);
        assertTrue(dot.contains("  n3 -> n5 [label=\"rescue\", color=red];"), dot);
        assertTrue(dot.contains("  n4 -> n9 [label=\"notify\", style=dashed];"), dot);
        assertTrue(dot.endsWith("}"));
        String mermaid = GraphPrinter.print(g, GraphPrinter.Format.MERMAID, p -> "");
        assertTrue(mermaid.startsWith("flowchart TD\n"), mermaid);
        assertTrue(mermaid.contains("  n3{{\"#3 block: b\"}}"), mermaid);
        assertTrue(mermaid.contains("  n4 -.->|notify| n9"), mermaid);
        assertTrue(mermaid.contains("  n0 ==> n11"), mermaid);
    }

    @Test
    void quotesAreEscaped() {
        TaskGraph g = graph("- hosts: all\n  tasks:\n    - name: say \"hi\"\n      debug: msg=x\n"
                + "      when: a == \"b\"\n");
        assertTrue(GraphPrinter.print(g, GraphPrinter.Format.DOT, p -> "").contains("task: say \\\"hi\\\""));
        assertTrue(GraphPrinter.print(g, GraphPrinter.Format.MERMAID, p -> "").contains("say #quot;hi#quot;"));
    }

    @Test
    void retriesShowTheirDelayAndBackoff() {
        TaskGraph g = graph("""
                - hosts: all
                  tasks:
                    - name: wait on
                      power: state=status
                      register: p
                      until: p.state == "on"
                      retries: 10
                      delay: 1
                    - name: poll gently
                      mc_info:
                      retries: 5
                      delay: 500ms
                      backoff: {factor: 1.5, max: 30s, jitter: 0.25}
                """);
        String text = GraphPrinter.print(g, GraphPrinter.Format.TEXT, p -> "");
        assertTrue(text.contains("task: wait on  (power)  retries: 10 delay 1s until p.state == \"on\""), text);
        assertTrue(text.contains("task: poll gently  (mc_info)  retries: 5 delay 0.5s backoff x1.5 max 30s "
                + "jitter 0.25"), text);
    }
}
