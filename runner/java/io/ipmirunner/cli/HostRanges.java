package io.ipmirunner.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host names folded into ranges, as FreeIPMI's hostranges: {@code node01..node40, node42} is
 * {@code node[01-40,42]}. A name's last run of digits is the number. A zero-padded number keeps its width;
 * an unpadded one joins a padded range it prints the same in ({@code 10} in {@code [01-10]}), so every name
 * folds back to exactly itself.
 */
final class HostRanges {
    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d{1,18})(\\D*)");

    private record Stem(String prefix, String suffix) {}

    private record Numbered(Stem stem, String digits) {
        int padded() {
            return digits.length() > 1 && digits.charAt(0) == '0' ? digits.length() : 0;
        }
    }

    private record Key(Stem stem, int width) {}

    private HostRanges() {}

    static String fold(List<String> names) {
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
            if (!(k instanceof Key key)) {
                parts.add((String) k);
                return;
            }
            String ranges = ranges(numbers, key.width());
            parts.add(key.stem().prefix() + (numbers.size() == 1 ? ranges : "[" + ranges + "]")
                    + key.stem().suffix());
        });
        return String.join(",", parts);
    }

    private static String ranges(TreeSet<Long> numbers, int width) {
        StringBuilder sb = new StringBuilder();
        Long start = null;
        Long prev = null;
        for (long n : numbers) {
            if (start == null) {
                start = n;
            } else if (n != prev + 1) {
                append(sb, start, prev, width);
                start = n;
            }
            prev = n;
        }
        append(sb, start, prev, width);
        return sb.toString();
    }

    private static void append(StringBuilder sb, long from, long to, int width) {
        String f = width > 0 ? "%0" + width + "d" : "%d";
        sb.append(sb.isEmpty() ? "" : ",").append(String.format(f, from));
        if (to != from) {
            sb.append('-').append(String.format(f, to));
        }
    }
}
