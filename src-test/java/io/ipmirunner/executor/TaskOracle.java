package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.ProcessResult;
import io.ipmirunner.playbook.PlaybookParser;
import io.ipmirunner.playbook.Task;
import io.ipmirunner.sim.FakeBmc;
import io.ipmirunner.util.Json;
import io.ipmirunner.yaml.SafeYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One task, as YAML lines under {@code - }, run by ansible-playbook (connection: local, registered and
 * written out as JSON) and by TaskRunner on a fake BMC, over the same variables: the oracle tests compare
 * what each registers.
 */
final class TaskOracle {
    private final Path dir;
    private final String vars;

    TaskOracle(Path dir, String vars) {
        this.dir = dir;
        this.vars = vars;
    }

    /** What ansible-playbook registers for each task, in order; each runs with ignore_errors. */
    List<Map<?, ?>> ansible(List<String> tasks) throws IOException {
        StringBuilder pb = new StringBuilder("- hosts: localhost\n  connection: local\n  gather_facts: false\n"
                + "  vars:\n" + vars.indent(4) + "  tasks:\n");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            pb.append("    - ").append(tasks.get(i)).append("\n      register: c").append(i)
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
        List<Map<?, ?>> results = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            results.add((Map<?, ?>) registered.get("c" + i));
        }
        return results;
    }

    /** What TaskRunner registers for the task, or null when it failed. */
    Map<?, ?> ours(String task, int n) throws IOException, InterruptedException {
        Path f = dir.resolve("ours" + n + ".yml");
        Files.writeString(f, "- hosts: all\n  tasks:\n    - " + task + "\n      register: r\n");
        Task t = (Task) PlaybookParser.parse(f).plays().getFirst().tasks().getFirst();
        FakeTime time = new FakeTime();
        @SuppressWarnings("unchecked")
        Map<String, Object> scope = new HashMap<>((Map<String, Object>) SafeYaml.parse(vars, "vars").toPlain());
        FakeBmc bmc = new FakeBmc("n1", time);
        HostContext host = new HostContext("n1", scope, () -> bmc);
        var result = new TaskRunner(new ActionRunner(time, time, false, FakeTime.NO_JITTER, FakeModule.only()), time,
                time, FakeTime.NO_JITTER).run(t, host);
        return result.status() == RunEvent.Status.FAILED ? null : (Map<?, ?>) host.vars().get("r");
    }
}
