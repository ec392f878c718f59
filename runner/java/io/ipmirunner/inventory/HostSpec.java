package io.ipmirunner.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One BMC named on the command line: {@code host}, {@code host:port}, or {@code [v6::addr]:port}.
 * {@link #parseList} reads the literal host lists of {@code exec} without an inventory:
 * comma-separated, each item may carry ranges.
 */
public record HostSpec(String name, String address, OptionalInt port) {
    public static List<HostSpec> parseList(String list) {
        return parseList(list, HostRange.MAX_HOSTS);
    }

    /** As {@link #parseList(String)}, refusing lists of more than {@code maxHosts} hosts. */
    public static List<HostSpec> parseList(String list, int maxHosts) {
        Set<String> seen = new LinkedHashSet<>();
        List<HostSpec> out = new ArrayList<>();
        for (String item : list.split(",")) {
            String t = item.trim();
            if (t.isEmpty()) {
                continue;
            }
            for (String name : HostRange.expand(t, maxHosts)) {
                if (seen.add(name)) {
                    if (out.size() == maxHosts) {
                        throw new IllegalArgumentException("'" + list + "' names more than " + maxHosts
                                + " hosts (the limit; raise it with --max-inventory-hosts)");
                    }
                    out.add(parse(name));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no hosts in '" + list + "'");
        }
        return out;
    }

    public static HostSpec parse(String s) {
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in host " + s);
            }
            String addr = s.substring(1, close);
            String rest = s.substring(close + 1);
            return new HostSpec(s, addr, rest.startsWith(":") ? port(rest.substring(1), s) : OptionalInt.empty());
        }
        int colon = s.indexOf(':');
        if (colon >= 0 && s.indexOf(':', colon + 1) < 0) {
            return new HostSpec(s, s.substring(0, colon), port(s.substring(colon + 1), s));
        }
        return new HostSpec(s, s, OptionalInt.empty());
    }

    private static OptionalInt port(String p, String host) {
        try {
            int v = Integer.parseInt(p);
            if (v < 1 || v > 65535) {
                throw new NumberFormatException();
            }
            return OptionalInt.of(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port '" + p + "' in host " + host);
        }
    }
}
