package io.ipmirunner.executor;

import io.ipmirunner.yaml.SafeYaml;
import io.ipmirunner.yaml.YamlValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads back what {@link Journal} wrote (JSON lines are YAML flow mappings, so the YAML reader serves). A torn
 * last line (the run was killed mid-write) is skipped: that host result was not finished.
 */
public final class JournalReader {
    private JournalReader() {}

    /** The classes a failure can have, as {@code failure_class} in results and {@code --failure-class}. */
    public static final Set<String> FAILURE_CLASSES = Set.of("unreachable", "auth", "timeout", "completion_code",
            "assertion", "unsupported", "protocol", "retries", "expression", "arguments", "vars_files");

    /** Hosts with a failed (not ignored, not rescued) or unreachable result: those {@code --retry-failed} runs. */
    public static Set<String> failedHosts(Path runDir) throws IOException {
        return failedHosts(runDir, Set.of());
    }

    /**
     * As {@link #failedHosts(Path)}, only those whose last failure has one of {@code classes} (all when
     * empty). A host's failure in a block that a later {@code rescued} line covers does not count.
     */
    public static Set<String> failedHosts(Path runDir, Set<String> classes) throws IOException {
        Map<String, String> failed = new LinkedHashMap<>();
        for (Map<?, ?> r : events(runDir, Set.of("host_result", "rescued"))) {
            String host = String.valueOf(r.get("host"));
            if ("rescued".equals(r.get("event"))) {
                failed.remove(host);
                continue;
            }
            String status = String.valueOf(r.get("status"));
            if (!Boolean.TRUE.equals(r.get("ignored")) && (status.equals("failed") || status.equals("unreachable"))) {
                Object c = r.get("failure_class");
                failed.put(host, c == null ? status : String.valueOf(c));
            }
        }
        Set<String> out = new LinkedHashSet<>();
        failed.forEach((h, c) -> {
            if (classes.isEmpty() || classes.contains(c)) {
                out.add(h);
            }
        });
        return out;
    }

    /** Every finished host result, in journal order, as plain maps. */
    static List<Map<?, ?>> hostResults(Path runDir) throws IOException {
        return events(runDir, Set.of("host_result"));
    }

    private static List<Map<?, ?>> events(Path runDir, Set<String> kinds) throws IOException {
        List<Map<?, ?>> out = new ArrayList<>();
        for (String line : Files.readAllLines(runDir.resolve("journal.jsonl"))) {
            if (kinds.stream().noneMatch(k -> line.contains("\"event\":\"" + k + "\"")) || !line.endsWith("}")) {
                continue;
            }
            YamlValue v;
            try {
                v = SafeYaml.parse(line, "journal");
            } catch (RuntimeException torn) {
                continue;
            }
            if (v.toPlain() instanceof Map<?, ?> m && kinds.contains(String.valueOf(m.get("event")))) {
                out.add(m);
            }
        }
        return out;
    }
}
