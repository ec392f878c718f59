package io.ipmirunner.inventory;

import io.ipmirunner.util.BoundedRead;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Ansible's host patterns: {@code all} / {@code *}, host and group names, {@code a:b} or {@code a,b} (union),
 * {@code a:&b} (intersection), {@code a:!b} (exclusion), shell wildcards ({@code node0*}), {@code ~regex}
 * (matched from the start of the name), and subscripts of a group ({@code rack1[0]}, {@code rack1[2:5]},
 * {@code rack1[-1]}) and, where no group or host has the name before the brackets, host ranges as an inventory
 * writes them ({@code rack-a-bmc[01:11]}). Unions apply first, then intersections, then exclusions, whatever the written order;
 * a pattern of only exclusions starts from {@code all}. A term is a host name when such a host exists,
 * else every group and host its wildcard or regex matches.
 */
public record HostPattern(String text, List<String> terms) {
    private static final Pattern COLON_TERMS = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^\\]]*])+");
    private static final Pattern SUBSCRIPT = Pattern.compile("^(.+)\\[(?:(-?[0-9]+)|([0-9]+):([0-9]*))]$");

    public HostPattern {
        terms = List.copyOf(terms);
    }

    /** Splits and checks a pattern (regexes compile); throws IllegalArgumentException saying what is wrong. */
    public static HostPattern parse(String text) {
        String t = text.strip();
        List<String> parts = new ArrayList<>();
        if (t.contains(",")) {
            parts.addAll(List.of(t.split(",")));
        } else if (t.chars().filter(c -> c == ':').count() >= 2 && t.matches("[0-9a-fA-F:.]+")) {
            parts.add(t);
        } else {
            Matcher m = COLON_TERMS.matcher(t);
            while (m.find()) {
                parts.add(m.group());
            }
        }
        List<String> regular = new ArrayList<>();
        List<String> intersect = new ArrayList<>();
        List<String> exclude = new ArrayList<>();
        for (String raw : parts) {
            String p = raw.strip();
            if (p.isEmpty()) {
                continue;
            }
            String body = p.startsWith("&") || p.startsWith("!") ? p.substring(1) : p;
            if (body.isEmpty()) {
                throw new IllegalArgumentException("empty term '" + p + "' in host pattern '" + text + "'");
            }
            if (body.startsWith("~")) {
                try {
                    Pattern.compile(body.substring(1));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("bad regular expression '" + body + "' in host pattern '"
                            + text + "': " + e.getDescription());
                }
            }
            (p.startsWith("!") ? exclude : p.startsWith("&") ? intersect : regular).add(p);
        }
        if (regular.isEmpty() && intersect.isEmpty() && exclude.isEmpty()) {
            throw new IllegalArgumentException("empty host pattern");
        }
        if (regular.isEmpty()) {
            regular.add(Group.ALL);
        }
        List<String> ordered = new ArrayList<>(regular);
        ordered.addAll(intersect);
        ordered.addAll(exclude);
        return new HostPattern(text, ordered);
    }

    /** {@code --limit}: a pattern where an {@code @FILE} term reads one pattern (usually a host) per line. */
    public static HostPattern parseLimit(String text) {
        List<String> expanded = new ArrayList<>();
        for (String item : text.split(",")) {
            String t = item.strip();
            if (!t.startsWith("@")) {
                expanded.add(t);
                continue;
            }
            Path file = Path.of(t.substring(1));
            try {
                for (String line : BoundedRead.text(file, BoundedRead.TEXT).lines().toList()) {
                    if (!line.isBlank()) {
                        expanded.add(line.strip());
                    }
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read limit file " + BoundedRead.problem(file, e));
            }
        }
        if (expanded.stream().allMatch(String::isEmpty)) {
            throw new IllegalArgumentException("--limit " + text + " names no hosts");
        }
        return parse(String.join(",", expanded));
    }

    /** The names of the matching hosts, without duplicates, in Ansible's order. */
    public List<String> match(Inventory inventory) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String term : terms) {
            if (inventory.hosts().containsKey(term)) {
                hosts.add(term);
                continue;
            }
            char op = term.charAt(0);
            List<String> matched = one(op == '!' || op == '&' ? term.substring(1) : term, inventory);
            switch (op) {
                case '!' -> matched.forEach(hosts::remove);
                case '&' -> hosts.retainAll(new LinkedHashSet<>(matched));
                default -> hosts.addAll(matched);
            }
        }
        return List.copyOf(hosts);
    }

    private static List<String> one(String term, Inventory inventory) {
        if (term.startsWith("~")) {
            return enumerate(term, inventory);
        }
        Matcher sub = SUBSCRIPT.matcher(term);
        List<String> hosts = sub.matches() ? enumerate(sub.group(1), inventory) : List.of();
        if (hosts.isEmpty()) {
            List<String> ranged = ranged(term, inventory);
            return ranged.isEmpty() ? enumerate(term, inventory) : ranged;
        }
        if (sub.group(2) != null) {
            int i = Integer.parseInt(sub.group(2));
            int index = i < 0 ? hosts.size() + i : i;
            return index >= 0 && index < hosts.size() ? List.of(hosts.get(index)) : List.of();
        }
        int start = Integer.parseInt(sub.group(3));
        int end = sub.group(4).isEmpty() ? hosts.size() - 1 : Integer.parseInt(sub.group(4));
        return start > end || start >= hosts.size() ? List.of() : hosts.subList(start, Math.min(end + 1, hosts.size()));
    }

    /**
     * A host range as an inventory writes it ({@code rack-a-bmc[01:11]}, what {@link HostRanges} prints): the
     * inventory's hosts it names. Ansible reads such a term as a subscript of a group and matches nothing when
     * no group has that name; here, where no group or host does, it is the range. Empty when it names none.
     */
    private static List<String> ranged(String term, Inventory inventory) {
        List<String> names;
        try {
            names = HostRange.expand(term, inventory.hosts().size() * 4 + 1024);
        } catch (IllegalArgumentException notARange) {
            return List.of();
        }
        if (names.size() == 1 && names.getFirst().equals(term)) {
            return List.of();
        }
        return names.stream().filter(inventory.hosts()::containsKey).toList();
    }

    /** Groups the term matches (their hosts), plus matching host names when no group matched or it is a wildcard. */
    private static List<String> enumerate(String term, Inventory inventory) {
        Pattern p = term.startsWith("~") ? Pattern.compile(term.substring(1)) : Pattern.compile(glob(term));
        Set<String> out = new LinkedHashSet<>();
        boolean groupMatched = false;
        for (String g : inventory.groups().keySet()) {
            if (p.matcher(g).lookingAt()) {
                groupMatched = true;
                out.addAll(inventory.members().get(g));
            }
        }
        boolean wild = term.startsWith("~") || term.chars().anyMatch(c -> ".?*[".indexOf(c) >= 0);
        if (!groupMatched || wild) {
            inventory.hosts().keySet().stream().filter(h -> p.matcher(h).lookingAt()).forEach(out::add);
        }
        return List.copyOf(out);
    }

    /** Python's fnmatch.translate: * ? [seq] [!seq], anchored at both ends. */
    private static String glob(String g) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            int close = c == '[' ? g.indexOf(']', i + 2) : -1;
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (close > 0) {
                String set = g.substring(i + 1, close).replace("\\", "\\\\").replace("[", "\\[").replace("&&", "&\\&");
                re.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set.startsWith("^") ? "\\" + set
                        : set).append(']');
                i = close;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return "(?s:" + re + ")\\z";
    }
}
