package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.Peers;
import io.ipmirunner.util.Json;
import io.ipmirunner.util.JsonValues;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code with_items} against Ansible itself: each case's items (the {@code item} of each registered result),
 * or a failure on both sides, from ansible-playbook (connection: local, debug tasks) and from TaskRunner.
 * Ansible's items lookup flattens one level (unlike {@code loop}), takes a single value as one item and a
 * mapping as its keys.
 */
@Tag("interop")
class WithItemsOracleTest {
    private static final String VARS = """
            nested: [[1, 2], [3, [4, 5]], 6]
            l: [a, b]
            s: hello
            nothing: null
            d: {a: 1, b: 2}
            n: 5
            users: [{name: ops, id: 3}, {name: audit, id: 4}]
            """;
    /** The value of with_items in each case, as YAML. */
    private static final List<String> CASES = List.of("\"{{ nested }}\"", "\"{{ l }}\"", "\"{{ s }}\"",
            "\"{{ nothing }}\"", "\"{{ d }}\"", "\"{{ n }}\"", "[a, \"{{ nested }}\", [b, [c]]]", "plain", "7", "[]",
            "\"{{ missing }}\"", "\"{{ [[1], [], [[2]]] }}\"", "\"{{ users | map(attribute='name') | list }}\"",
            "[\"{{ l }}\", \"{{ s }}\"]", "\"{{ users }}\"", "[[x, y], z]");

    @TempDir
    Path dir;

    @Test
    void itemsAgreeWithAnsible() throws IOException, InterruptedException {
        Peers.require("ansible-playbook");
        TaskOracle oracle = new TaskOracle(dir, VARS);
        List<String> tasks = CASES.stream().map(c -> "debug: {msg: \"{{ item }}\"}\n      with_items: " + c).toList();
        List<Map<?, ?>> registered = oracle.ansible(tasks);
        Map<String, String> ansible = new LinkedHashMap<>();
        Map<String, String> ours = new LinkedHashMap<>();
        for (int i = 0; i < CASES.size(); i++) {
            Map<?, ?> c = registered.get(i);
            ansible.put(CASES.get(i), Boolean.TRUE.equals(c.get("failed")) ? "error" : items(c.get("results")));
            Map<?, ?> r = oracle.ours(tasks.get(i), i);
            ours.put(CASES.get(i), r == null ? "error" : items(r.get("results")));
        }
        assertEquals(ansible, ours);
        assertTrue(ours.containsValue("error"), "the undefined case fails on both sides");
    }

    private static String items(Object results) {
        List<Object> items = new ArrayList<>();
        for (Object r : (List<?>) results) {
            items.add(((Map<?, ?>) r).get("item"));
        }
        return Json.write(JsonValues.canonical(items));
    }
}
