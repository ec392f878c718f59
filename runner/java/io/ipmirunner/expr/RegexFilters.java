package io.ipmirunner.expr;

import io.ipmirunner.expr.Callables.Args;
import io.ipmirunner.expr.Callables.NamedFilter;
import io.ipmirunner.expr.Callables.NamedTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import jinjava.javax.el.ELException;

/**
 * Ansible's regular-expression filters and tests, on Java's regex engine with Python's spellings translated:
 * named groups {@code (?P<name>...)}, and {@code \1} / {@code \g<name>} in replacements. Flags as Ansible's:
 * {@code ignorecase=true}, {@code multiline=true}. {@code match} is anchored at the start, {@code search}
 * anywhere, as Python's {@code re.match} and {@code re.search}.
 */
final class RegexFilters {
    private static final Pattern PY_GROUP = Pattern.compile("\\(\\?P<");
    private static final Pattern PY_BACKREF = Pattern.compile("\\\\g<([A-Za-z_0-9]+)>|\\\\([0-9]{1,2})");

    private RegexFilters() {}

    static List<NamedFilter> filters() {
        return List.of(
                new NamedFilter("regex_search", RegexFilters::search),
                new NamedFilter("regex_replace", (in, a) -> {
                    Matcher m = pattern(a.string(0, "pattern", ""), a).matcher(PyValues.str(in));
                    return m.replaceAll(replacement(a.string(1, "replacement", "")));
                }),
                new NamedFilter("regex_findall", RegexFilters::findAll));
    }

    static List<NamedTest> tests() {
        return List.of(
                new NamedTest("match", true, (in, a) -> pattern(a.string(0, "pattern", ""), a)
                        .matcher(PyValues.str(in)).lookingAt()),
                new NamedTest("search", true, (in, a) -> pattern(a.string(0, "pattern", ""), a)
                        .matcher(PyValues.str(in)).find()),
                new NamedTest("regex", true, (in, a) -> pattern(a.string(0, "pattern", ""), a)
                        .matcher(PyValues.str(in)).find()));
    }

    private static Object search(Object in, Args a) {
        Matcher m = pattern(a.string(0, "pattern", ""), a).matcher(PyValues.str(in));
        if (!m.find()) {
            return null;
        }
        if (a.positional().size() < 2) {
            return m.group();
        }
        List<Object> groups = new ArrayList<>();
        for (Object g : a.positional().subList(1, a.positional().size())) {
            Matcher ref = PY_BACKREF.matcher(PyValues.str(g));
            if (!ref.matches()) {
                throw new ELException("regex_search: unknown group reference " + PyValues.repr(g));
            }
            groups.add(ref.group(1) != null ? m.group(ref.group(1)) : m.group(Integer.parseInt(ref.group(2))));
        }
        return groups;
    }

    private static Object findAll(Object in, Args a) {
        Matcher m = pattern(a.string(0, "pattern", ""), a).matcher(PyValues.str(in));
        List<Object> out = new ArrayList<>();
        while (m.find()) {
            if (m.groupCount() == 0) {
                out.add(m.group());
            } else if (m.groupCount() == 1) {
                out.add(m.group(1) == null ? "" : m.group(1));
            } else {
                List<Object> tuple = new ArrayList<>();
                for (int g = 1; g <= m.groupCount(); g++) {
                    tuple.add(m.group(g) == null ? "" : m.group(g));
                }
                out.add(tuple);
            }
        }
        return out;
    }

    static Pattern pattern(String python, Args a) {
        int flags = (a.flag(-1, "ignorecase") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0)
                | (a.flag(-1, "multiline") ? Pattern.MULTILINE : 0);
        try {
            return Pattern.compile(PY_GROUP.matcher(python).replaceAll("(?<"), flags);
        } catch (PatternSyntaxException e) {
            throw new ELException("bad regular expression " + PyValues.repr(python) + ": " + e.getDescription());
        }
    }

    /** Python's {@code \1} and {@code \g<name>} as Java's {@code $1} and {@code ${name}}; a literal $ stays one. */
    private static String replacement(String python) {
        StringBuilder out = new StringBuilder();
        Matcher m = PY_BACKREF.matcher(python);
        int last = 0;
        while (m.find()) {
            out.append(Matcher.quoteReplacement(python.substring(last, m.start())));
            out.append(m.group(1) != null ? (m.group(1).matches("[0-9]+") ? "$" + m.group(1) : "${" + m.group(1)
                    + "}") : "$" + m.group(2));
            last = m.end();
        }
        return out.append(Matcher.quoteReplacement(python.substring(last))).toString();
    }
}
