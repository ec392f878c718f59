package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vars_files at run time: static files over play vars, per-host files chosen by a template. */
class PlayVarsTest {
    @TempDir
    Path dir;

    @Test
    void varsFilesLayOverPlayVarsAndAHostWithoutItsFileFails() throws Exception {
        Files.createDirectories(dir.resolve("vars"));
        Files.writeString(dir.resolve("common.yml"), "site: lab\ncolour: blue\n");
        Files.writeString(dir.resolve("vars/n1.yml"), "rack: r1-{{ site }}\n");
        PlayHarness h = new PlayHarness(dir);
        h.run("""
                - hosts: all
                  vars: {colour: red, site: nowhere}
                  vars_files: [common.yml, "vars/{{ inventory_hostname }}.yml"]
                  tasks:
                    - name: show
                      debug: {msg: "{{ colour }} {{ rack }}"}
                """, 2, 2);
        List<String> seen = h.results().stream().map(r -> r.host() + " " + r.task() + " " + r.status().label() + " "
                + (r.error() != null ? r.failureClass() + " " + r.error().replaceAll(".*: ", "")
                : r.result().get("msg"))).sorted().toList();
        assertEquals(List.of("n1 show ok blue r1-lab", "n2 vars_files failed vars_files vars file 'vars/n2.yml' not found "
                + "(looked for " + dir.resolve("vars/n2.yml") + ")"), seen);
    }

    @Test
    void aBatchWhoseHostsFailedTheirVarsFilesOrTheirTasksEndsThePlay() throws Exception {
        Files.createDirectories(dir.resolve("vars"));
        for (String n : List.of("n1", "n3", "n4")) {
            Files.writeString(dir.resolve("vars/" + n + ".yml"), "rack: r1\n");
        }
        PlayHarness h = new PlayHarness(dir);
        h.run("""
                - hosts: all
                  serial: 2
                  vars_files: ["vars/{{ inventory_hostname }}.yml"]
                  tasks:
                    - name: breaks
                      fail: {msg: broken}
                """, 4, 4);
        assertEquals(List.of("n1"), h.results().stream().filter(r -> r.task().equals("breaks"))
                .map(RunEvent.HostResult::host).toList(),
                "n2 failed its vars_files and n1 its task: the first batch failed whole, so the second never runs");
    }
}
