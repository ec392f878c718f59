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
 * {@code when} on a looped task against Ansible itself: decided per item, an item it skips registered as
 * skipped, the task skipped when every item is or the list is empty, a loop that cannot be resolved no error
 * for a task its when skips, and a task when skips registered too. Each case's registered value (skipped,
 * failed, and each item with whether it was skipped) from ansible-playbook (connection: local, debug tasks)
 * and from TaskRunner.
 */
@Tag("interop")
class LoopConditionOracleTest {
    private static final String VARS = """
            l: [1, 2, 3]
            users: [{name: ops, enabled: true}, {name: audit, enabled: false}]
            flag: false
            """;
    /** Each case: the loop line and the when line of the task. */
    private static final List<String> CASES = List.of(
            "loop: \"{{ l }}\"\n      when: item > 1",
            "loop: \"{{ users }}\"\n      when: item.enabled",
            "loop: \"{{ l }}\"\n      when: item > 5",
            "loop: []\n      when: true",
            "loop: \"{{ missing }}\"\n      when: flag",
            "loop: \"{{ missing }}\"\n      when: not flag",
            "with_items: \"{{ l }}\"\n      when: item != 2",
            "when: flag",
            "loop: \"{{ l }}\"\n      when: [item > 1, item < 3]",
            "loop: \"{{ l }}\"\n      when: missing_too",
            "loop: [1, \"{{ missing }}\"]\n      when: flag");

    @TempDir
    Path dir;

    @Test
    void whenOnALoopAgreesWithAnsible() throws IOException, InterruptedException {
        Peers.require("ansible-playbook");
        TaskOracle oracle = new TaskOracle(dir, VARS);
        List<String> tasks = CASES.stream().map(c -> "debug: {msg: hi}\n      " + c).toList();
        List<Map<?, ?>> registered = oracle.ansible(tasks);
        Map<String, String> ansible = new LinkedHashMap<>();
        Map<String, String> ours = new LinkedHashMap<>();
        for (int i = 0; i < CASES.size(); i++) {
            Map<?, ?> c = registered.get(i);
            ansible.put(CASES.get(i), Boolean.TRUE.equals(c.get("failed")) ? "error" : summary(c));
            Map<?, ?> r = oracle.ours(tasks.get(i), i);
            ours.put(CASES.get(i), r == null ? "error" : summary(r));
        }
        assertEquals(ansible, ours);
        assertTrue(ours.containsValue("error"), "the undefined cases fail on both sides");
    }

    /** Whether the task was skipped, and each item's value and whether it was skipped. */
    private static String summary(Map<?, ?> registered) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("skipped", Boolean.TRUE.equals(registered.get("skipped")));
        if (registered.get("results") instanceof List<?> results) {
            List<Object> items = new ArrayList<>();
            for (Object o : results) {
                Map<?, ?> r = (Map<?, ?>) o;
                items.add(List.of(r.get("item"), Boolean.TRUE.equals(r.get("skipped"))));
            }
            s.put("items", items);
        }
        return Json.write(JsonValues.canonical(s));
    }
}
