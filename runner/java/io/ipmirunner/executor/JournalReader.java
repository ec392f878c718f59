package io.ipmirunner.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back what {@link Journal} wrote. The journal's field order is fixed, so a host result line is matched
 * by its prefix; a torn last line (the run was killed mid-write) simply does not match.
 */
public final class JournalReader {
    private static final String STRING = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern HOST_RESULT = Pattern.compile("^\\{\"at\":" + STRING + ",\"event\":\"host_result\","
            + "\"host\":" + STRING + ",\"task\":" + STRING + ",\"status\":\"(\\w+)\",\"ignored\":(true|false)");

    private JournalReader() {}

    /** Hosts with a failed (not ignored) or unreachable result: those {@code --retry-failed} runs again. */
    public static Set<String> failedHosts(Path runDir) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (var lines = Files.lines(runDir.resolve("journal.jsonl"))) {
            lines.forEach(line -> {
                Matcher m = HOST_RESULT.matcher(line);
                if (m.lookingAt() && m.group(5).equals("false")
                        && (m.group(4).equals("failed") || m.group(4).equals("unreachable"))) {
                    out.add(m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            });
        }
        return out;
    }
}
