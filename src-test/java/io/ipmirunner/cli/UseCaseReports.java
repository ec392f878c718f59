package io.ipmirunner.cli;

import io.ipmirunner.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads report.json of a run directory for the use-case playbook tests. */
final class UseCaseReports {
    private UseCaseReports() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Path runDir) throws Exception {
        return (Map<String, Object>) Json.parse(Files.readString(runDir.resolve("report.json")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> host(Map<String, Object> report, String name) {
        return (Map<String, Object>) ((Map<String, Object>) report.get("hosts")).get(name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> task(Map<String, Object> host, String name) {
        return ((List<Map<String, Object>>) host.get("tasks")).stream().filter(t -> t.get("name").equals(name))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no task " + name + " in " + host));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> result(Map<String, Object> host, String task) {
        return (Map<String, Object>) task(host, task).get("result");
    }
}
