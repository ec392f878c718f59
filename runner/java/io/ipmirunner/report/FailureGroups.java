package io.ipmirunner.report;

import io.ipmirunner.inventory.HostRanges;
import io.ipmirunner.util.TimingText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Failed and unreachable hosts grouped by cause: failure class, task, and the error with the host's own name
 * taken out and durations that differ by timing alone ignored ({@link TimingText}), so "node7: timeout in RAKP 1
 * after 5000 ms" and "node9: timeout in RAKP 1 after 5001 ms" are one group of two hosts, "after 5000-5001 ms".
 * Its hosts are also folded into --limit ranges ({@code host_ranges}).
 * Largest group first: with 2,000 hosts the first line is usually the whole story.
 */
final class FailureGroups {
    private FailureGroups() {}

    static List<Map<String, Object>> of(Collection<HostRecord> hosts) {
        Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
        Map<String, TimingText.Spread> messages = new HashMap<>();
        for (HostRecord h : hosts) {
            h.firstFailure().ifPresent(t -> {
                String cls = t.failureClass() == null ? t.status() : t.failureClass();
                String message = t.error() == null ? "" : Pattern.compile("(?<![\\w.-])" + Pattern.quote(h.name())
                        + "(?![\\w.-])").matcher(t.error()).replaceAll(Matcher.quoteReplacement("{host}"));
                String key = cls + '\u0000' + t.task() + '\u0000' + TimingText.key(message);
                Map<String, Object> g = groups.computeIfAbsent(key, k -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("failure_class", cls);
                    m.put("status", t.status());
                    m.put("task", t.task());
                    m.put("message", message);
                    m.put("hosts", new ArrayList<String>());
                    return m;
                });
                messages.computeIfAbsent(key, k -> new TimingText.Spread()).add(message);
                hosts(g).add(h.name());
            });
        }
        groups.forEach((key, g) -> g.put("message", messages.get(key).text()));
        List<Map<String, Object>> out = new ArrayList<>(groups.values());
        out.sort(Comparator.comparingInt((Map<String, Object> g) -> hosts(g).size()).reversed());
        out.forEach(g -> {
            g.put("count", hosts(g).size());
            g.put("host_ranges", HostRanges.fold(hosts(g)));
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> hosts(Map<String, Object> g) {
        return (List<String>) g.get("hosts");
    }
}
