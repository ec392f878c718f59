package io.ipmirunner.executor;

import io.ipmirunner.playbook.yaml.SafeYaml;
import io.ipmirunner.playbook.yaml.YamlValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /** Hosts with a failed (not ignored) or unreachable result: those {@code --retry-failed} runs again. */
    public static Set<String> failedHosts(Path runDir) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        for (Map<?, ?> r : hostResults(runDir)) {
            String status = String.valueOf(r.get("status"));
            if (!Boolean.TRUE.equals(r.get("ignored")) && (status.equals("failed") || status.equals("unreachable"))) {
                out.add(String.valueOf(r.get("host")));
            }
        }
        return out;
    }

    /** Every finished host result, in journal order, as plain maps. */
    static List<Map<?, ?>> hostResults(Path runDir) throws IOException {
        List<Map<?, ?>> out = new ArrayList<>();
        for (String line : Files.readAllLines(runDir.resolve("journal.jsonl"))) {
            if (!line.contains("\"event\":\"host_result\"") || !line.endsWith("}")) {
                continue;
            }
            YamlValue v;
            try {
                v = SafeYaml.parse(line, "journal");
            } catch (RuntimeException torn) {
                continue;
            }
            if (v.toPlain() instanceof Map<?, ?> m) {
                out.add(m);
            }
        }
        return out;
    }
}
