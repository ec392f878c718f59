package io.ipmirunner.cli;

import io.ipmirunner.executor.RunEvent;
import io.ipmirunner.inventory.HostRanges;
import io.ipmirunner.util.TimingText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * exec's default output: hosts with the same status and the same answer on one line, their names folded
 * into ranges as Ansible writes them ({@code node[01:40] | OK | state=on}), as FreeIPMI's {@code -C} does in
 * its own syntax. An error names its host at
 * the front; that prefix is dropped so the same failure on many hosts groups too.
 */
final class Collated {
    private Collated() {}

    static List<String> lines(List<RunEvent.HostResult> outcomes) {
        Map<String, List<String>> hostsByKey = new LinkedHashMap<>();
        Map<String, TimingText.Spread> answers = new LinkedHashMap<>();
        for (RunEvent.HostResult o : outcomes) {
            String status = o.status().label().toUpperCase(Locale.ROOT) + " | ";
            String answer = o.error() != null ? withoutHost(o.host(), o.error()) : ResultPrinter.summary(o.result());
            // An error's durations differ from host to host by timing alone: not a different answer.
            String key = status + (o.error() != null ? "error " + TimingText.key(answer) : "result " + answer);
            hostsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(o.host());
            answers.computeIfAbsent(key, k -> new TimingText.Spread()).add(status + answer);
        }
        List<String> out = new ArrayList<>();
        hostsByKey.forEach((key, hosts) -> out.add(HostRanges.fold(hosts) + " | " + answers.get(key).text()));
        return out;
    }

    private static String withoutHost(String host, String error) {
        return error.startsWith(host + ": ") ? error.substring(host.length() + 2) : error;
    }
}
