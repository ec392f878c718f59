package io.ipmirunner.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands Ansible-style host ranges: {@code node[01:24]}, {@code 10.0.1.[10:33]}, {@code rack[a:d]-bmc},
 * with an optional step {@code [0:100:10]}. A range whose start is zero-padded pads every value to its width
 * (and, as in Ansible, its end must have the same width); an empty start is 0. Several ranges in one name
 * multiply out, left to right.
 */
public final class HostRange {
    private static final Pattern RANGE = Pattern.compile("\\[([0-9]*|[a-zA-Z]):([0-9]+|[a-zA-Z])(?::([0-9]+))?]");
    /** Refuses typos like [1:1000000] that would expand to millions of hosts. */
    public static final int MAX_HOSTS = 1_000_000;

    private HostRange() {}

    public static List<String> expand(String pattern) {
        return expand(pattern, MAX_HOSTS);
    }

    /** Expands, refusing before allocating anything when the result would hold more than {@code maxHosts}. */
    public static List<String> expand(String pattern, int maxHosts) {
        Matcher m = RANGE.matcher(pattern);
        if (!m.find()) {
            return List.of(pattern);
        }
        String prefix = pattern.substring(0, m.start());
        List<String> tails = expand(pattern.substring(m.end()), maxHosts);
        List<String> values = values(m.group(1).isEmpty() ? "0" : m.group(1), m.group(2), m.group(3), pattern,
                maxHosts);
        if ((long) values.size() * tails.size() > maxHosts) {
            throw new IllegalArgumentException("host range " + pattern + " expands to more than " + maxHosts
                    + " hosts");
        }
        List<String> out = new ArrayList<>(values.size() * tails.size());
        for (String v : values) {
            for (String t : tails) {
                out.add(prefix + v + t);
            }
        }
        return out;
    }

    private static List<String> values(String a, String b, String stepText, String pattern, int maxHosts) {
        if (a.length() > 18 || b.length() > 18 || stepText != null && stepText.length() > 9) {
            throw new IllegalArgumentException("host range " + pattern + " has numbers too large");
        }
        int step = stepText == null ? 1 : Integer.parseInt(stepText);
        if (step <= 0) {
            throw new IllegalArgumentException("host range step must be positive in " + pattern);
        }
        boolean alpha = Character.isLetter(a.charAt(0));
        if (alpha != Character.isLetter(b.charAt(0))) {
            throw new IllegalArgumentException("host range mixes letters and numbers in " + pattern);
        }
        long start = alpha ? a.charAt(0) : Long.parseLong(a);
        long end = alpha ? b.charAt(0) : Long.parseLong(b);
        if (end < start) {
            throw new IllegalArgumentException("host range ends before it starts in " + pattern);
        }
        if ((end - start) / step + 1 > maxHosts) {
            throw new IllegalArgumentException("host range " + pattern + " expands to more than " + maxHosts
                    + " hosts");
        }
        int width = !alpha && a.length() > 1 && a.charAt(0) == '0' ? a.length() : 0;
        if (width > 0 && b.length() != width) {
            throw new IllegalArgumentException("host range " + pattern + " pads its start to " + width
                    + " digits, so its end must have " + width + " digits too");
        }
        List<String> out = new ArrayList<>();
        for (long v = start; v <= end; v += step) {
            out.add(alpha ? String.valueOf((char) v) : width > 0 ? String.format("%0" + width + "d", v)
                    : Long.toString(v));
        }
        return out;
    }
}
