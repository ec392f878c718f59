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
        Map<String, String> ansible = ansible();
        Map<String, String> ours = new LinkedHashMap<>();
        for (int i = 0; i < CASES.size(); i++) {
            ours.put(CASES.get(i), ours(i));
        }
        assertEquals(CASES.size(), ansible.size(), "Ansible ran every case: " + ansible);
        assertEquals(ansible, ours);
        assertTrue(ours.containsValue("error"), "the undefined case fails on both sides");
    }

    private String ours(int i) throws IOException, InterruptedException {
        Path f = dir.resolve("ours" + i + ".yml");
        Files.writeString(f, "- hosts: all\n  tasks:\n    - debug: {msg: \"{{ item }}\"}\n      with_items: "
                + CASES.get(i) + "\n      register: r\n");
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
        return items(((Map<?, ?>) host.vars().get("r")).get("results"));
    }

    private Map<String, String> ansible() throws IOException {
        StringBuilder pb = new StringBuilder("- hosts: localhost\n  connection: local\n  gather_facts: false\n"
                + "  vars:\n" + VARS.indent(4) + "  tasks:\n");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            pb.append("    - debug: {msg: \"{{ item }}\"}\n      with_items: ").append(CASES.get(i))
                    .append("\n      register: c").append(i).append("\n      ignore_errors: true\n");
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
            outcome.put(CASES.get(i), Boolean.TRUE.equals(c.get("failed")) ? "error" : items(c.get("results")));
        }
        return outcome;
    }

    private static String items(Object results) {
        List<Object> items = new ArrayList<>();
        for (Object r : (List<?>) results) {
            items.add(((Map<?, ?>) r).get("item"));
        }
        return Json.write(JsonValues.canonical(items));
    }
}
