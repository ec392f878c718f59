package io.ipmirunner.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host names folded into ranges in Ansible's inventory syntax ({@link HostRange}), the inverse of its
 * expansion: {@code node01..node40, node42} is {@code node[01:40],node42}, which pastes back into
 * {@code --limit} ({@link HostPattern} reads a range there as the hosts it names). A name's last run of
 * digits is the number. A zero-padded number keeps its width; an unpadded one joins a padded range it prints
 * the same in ({@code 10} in {@code [01:10]}), so every name folds back to exactly itself.
 */
public final class HostRanges {
    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d{1,18})(\\D*)");

    private record Stem(String prefix, String suffix) {}

    private record Numbered(Stem stem, String digits) {
        int padded() {
            return digits.length() > 1 && digits.charAt(0) == '0' ? digits.length() : 0;
        }
    }

    private record Key(Stem stem, int width) {}

    private HostRanges() {}

    /** The names as comma-separated terms, each a host or a range of hosts; every name once. */
    public static String fold(List<String> names) {
        List<Object> parsed = new ArrayList<>();
        Map<Stem, TreeSet<Integer>> widths = new LinkedHashMap<>();
        for (String n : names) {
            Matcher m = NUMBERED.matcher(n);
            if (!m.matches()) {
                parsed.add(n);
                continue;
            }
            Numbered x = new Numbered(new Stem(m.group(1), m.group(3)), m.group(2));
            parsed.add(x);
            if (x.padded() > 0) {
                widths.computeIfAbsent(x.stem(), s -> new TreeSet<>()).add(x.padded());
            }
        }
        Map<Object, TreeSet<Long>> groups = new LinkedHashMap<>();
        for (Object p : parsed) {
            if (p instanceof Numbered x) {
                int width = x.padded();
                if (width == 0 && widths.containsKey(x.stem())) {
                    Integer fits = widths.get(x.stem()).floor(x.digits().length());
                    width = fits == null ? 0 : fits;
                }
                groups.computeIfAbsent(new Key(x.stem(), width), k -> new TreeSet<>())
                        .add(Long.parseLong(x.digits()));
            } else {
                groups.putIfAbsent(p, null);
            }
        }
        List<String> parts = new ArrayList<>();
        groups.forEach((k, numbers) -> {
            if (k instanceof Key key) {
                ranges(numbers, key, parts);
            } else {
                parts.add((String) k);
            }
        });
        return String.join(",", parts);
    }

    /** One term per run of consecutive numbers: {@code node[01:03]}, or the name alone. */
    private static void ranges(TreeSet<Long> numbers, Key key, List<String> parts) {
        Long start = null;
        Long prev = null;
        for (long n : numbers) {
            if (start == null) {
                start = n;
            } else if (n != prev + 1) {
                append(parts, key, start, prev);
                start = n;
            }
            prev = n;
        }
        append(parts, key, start, prev);
    }

    private static void append(List<String> parts, Key key, long from, long to) {
        String f = key.width() > 0 ? "%0" + key.width() + "d" : "%d";
        String prefix = key.stem().prefix();
        String suffix = key.stem().suffix();
        if (to > from) {
            parts.add(prefix + "[" + String.format(f, from) + ":" + String.format(f, to) + "]" + suffix);
            return;
        }
        for (long n = from; n <= to; n++) {
            parts.add(prefix + String.format(f, n) + suffix);
        }
    }
}
