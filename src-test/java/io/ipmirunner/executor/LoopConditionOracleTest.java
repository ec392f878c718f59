package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.Peers;
import io.ipmirunner.interop.ProcessResult;
import io.ipmirunner.playbook.PlaybookParser;
import io.ipmirunner.playbook.Task;
import io.ipmirunner.sim.FakeBmc;
import io.ipmirunner.util.Json;
import io.ipmirunner.util.JsonValues;
import io.ipmirunner.yaml.SafeYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
        Map<String, String> ansible = ansible();
        Map<String, String> ours = new LinkedHashMap<>();
        for (int i = 0; i < CASES.size(); i++) {
            ours.put(CASES.get(i), ours(i));
        }
        assertEquals(CASES.size(), ansible.size(), "Ansible ran every case: " + ansible);
        assertEquals(ansible, ours);
        assertTrue(ours.containsValue("error"), "the undefined cases fail on both sides");
    }

    private String ours(int i) throws IOException, InterruptedException {
        Path f = dir.resolve("ours" + i + ".yml");
        Files.writeString(f, "- hosts: all\n  tasks:\n    - debug: {msg: hi}\n      " + CASES.get(i)
                + "\n      register: r\n");
        Task task = (Task) PlaybookParser.parse(f).plays().getFirst().tasks().getFirst();
        FakeTime time = new FakeTime();
        @SuppressWarnings("unchecked")
        Map<String, Object> vars = new HashMap<>((Map<String, Object>) SafeYaml.parse(VARS, "vars").toPlain());
        FakeBmc bmc = new FakeBmc("n1", time);
        HostContext host = new HostContext("n1", vars, () -> bmc);
        var result = new TaskRunner(new ActionRunner(time, time, false, FakeTime.NO_JITTER, FakeModule.only()), time,
                time, FakeTime.NO_JITTER).run(task, host);
        if (result.status() == RunEvent.Status.FAILED) {
            return "error";
        }
        return summary((Map<?, ?>) host.vars().get("r"));
    }

    private Map<String, String> ansible() throws IOException {
        StringBuilder pb = new StringBuilder("- hosts: localhost\n  connection: local\n  gather_facts: false\n"
                + "  vars:\n" + VARS.indent(4) + "  tasks:\n");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            pb.append("    - debug: {msg: hi}\n      ").append(CASES.get(i)).append("\n      register: c").append(i)
                    .append("\n      ignore_errors: true\n");
            names.add("'c" + i + "': c" + i);
        }
        Path out = dir.resolve("results.json");
        pb.append("    - copy:\n        dest: ").append(Json.write(out.toString())).append("\n        content: ")
                .append(Json.write("{{ {" + String.join(", ", names) + "} | to_json }}")).append('\n');
        Files.writeString(dir.resolve("cases.yml"), pb);
        ProcessResult r = ProcessResult.run(List.of("ansible-playbook", "-i", "localhost,", "cases.yml"),
                Map.of("ANSIBLE_JINJA2_NATIVE", "True", "ANSIBLE_NOCOLOR", "1", "ANSIBLE_LOCALHOST_WARNING", "False",
                        "ANSIBLE_RETRY_FILES_ENABLED", "False", "ANSIBLE_DEPRECATION_WARNINGS", "False"), dir,
                Duration.ofMinutes(3));
        assertTrue(Files.exists(out), "ansible-playbook wrote no results: " + r);
        Map<?, ?> registered = (Map<?, ?>) Json.parse(Files.readString(out));
        Map<String, String> outcome = new LinkedHashMap<>();
        for (int i = 0; i < CASES.size(); i++) {
            Map<?, ?> c = (Map<?, ?>) registered.get("c" + i);
            outcome.put(CASES.get(i), Boolean.TRUE.equals(c.get("failed")) ? "error" : summary(c));
        }
        return outcome;
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
