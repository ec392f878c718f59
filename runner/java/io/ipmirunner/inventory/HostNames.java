package io.ipmirunner.inventory;

import java.util.List;
import java.util.OptionalInt;

/**
 * A host entry as written in an inventory, {@code node[01:24]}, {@code bmc01:6230}, {@code [2001:db8::7]:623}:
 * the names it expands to and the port it gives them. As in Ansible, the port becomes {@code ansible_port}
 * (the OS port); the BMC's port is {@code ipmi_port}.
 */
record HostNames(List<String> names, OptionalInt port) {
    static HostNames expand(String written, int maxHosts) {
        String pattern = written.strip();
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("empty host name");
        }
        if (pattern.endsWith(":")) {
            throw new IllegalArgumentException("host '" + written + "' ends in ':' (reserved for a port)");
        }
        if (pattern.startsWith("[") && pattern.indexOf(']') > 0 && colonsOutsideBrackets(pattern) <= 1
                && pattern.substring(1, pattern.indexOf(']')).chars().filter(c -> c == ':').count() >= 2) {
            int close = pattern.indexOf(']');
            String rest = pattern.substring(close + 1);
            return new HostNames(List.of(pattern.substring(1, close)),
                    rest.isEmpty() ? OptionalInt.empty() : port(rest.substring(1), written));
        }
        int colon = lastColonOutsideBrackets(pattern);
        if (colon >= 0 && colonsOutsideBrackets(pattern) == 1) {
            return new HostNames(HostRange.expand(pattern.substring(0, colon), maxHosts),
                    port(pattern.substring(colon + 1), written));
        }
        if (colonsOutsideBrackets(pattern) >= 2) {
            return new HostNames(List.of(pattern), OptionalInt.empty());
        }
        return new HostNames(HostRange.expand(pattern, maxHosts), OptionalInt.empty());
    }

    private static OptionalInt port(String text, String written) {
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            throw new IllegalArgumentException("bad port '" + text + "' in host '" + written + "'");
        }
        return OptionalInt.of(Integer.parseInt(text));
    }

    private static int colonsOutsideBrackets(String s) {
        int n = 0;
        int depth = 0;
        for (char c : s.toCharArray()) {
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            n += c == ':' && depth == 0 ? 1 : 0;
        }
        return n;
    }

    private static int lastColonOutsideBrackets(String s) {
        int depth = 0;
        int last = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            last = c == ':' && depth == 0 ? i : last;
        }
        return last;
    }
}
