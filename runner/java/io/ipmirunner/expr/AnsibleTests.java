package io.ipmirunner.expr;

import io.ipmirunner.expr.Callables.Args;
import io.ipmirunner.expr.Callables.NamedTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jinjava.javax.el.ELException;

/**
 * Tests with Ansible's meaning: {@code defined}/{@code undefined} see {@link Undefined} (Jinjava's look for
 * null, which a variable set to null also is), {@code truthy}/{@code falsy} use Python's truth (Jinjava's
 * calls the string "false" false), {@code contains}, and {@code version} (Ansible's loose version order:
 * numbers numerically, other parts as text), and the task-result tests of {@link ResultTests}. Jinjava's own {@code none}, {@code string}, {@code number},
 * {@code mapping}, {@code sequence}, {@code in}, {@code equalto}, ... stay.
 */
final class AnsibleTests {
    private static final Pattern VERSION_PART = Pattern.compile("[0-9]+|[A-Za-z]+");

    private AnsibleTests() {}

    static List<NamedTest> all() {
        List<NamedTest> out = new ArrayList<>(List.of(
                new NamedTest("defined", false, (in, a) -> !(in instanceof Undefined)),
                new NamedTest("undefined", false, (in, a) -> in instanceof Undefined),
                new NamedTest("truthy", false, (in, a) -> PyValues.truthy(in)),
                new NamedTest("falsy", false, (in, a) -> !PyValues.truthy(in)),
                new NamedTest("contains", false, (in, a) -> contains(in, a.get(0, "item", null))),
                new NamedTest("version", true, AnsibleTests::version),
                new NamedTest("version_compare", true, AnsibleTests::version)));
        out.addAll(ResultTests.tests());
        out.addAll(RegexFilters.tests());
        out.addAll(IpFilters.tests());
        return out;
    }

    private static boolean contains(Object container, Object item) {
        Object c = PyValues.plain(container);
        if (c instanceof String s) {
            return s.contains(PyValues.str(item));
        } else if (c instanceof Map<?, ?> m) {
            return m.containsKey(item);
        }
        return AnsibleFilters.list(c).stream().anyMatch(x -> PyEquality.equal(x, item));
    }

    private static boolean version(Object in, Args a) {
        String operator = a.string(1, "operator", "eq");
        int c = compareVersions(PyValues.str(in), a.string(0, "version", ""));
        return switch (operator) {
            case "==", "=", "eq" -> c == 0;
            case "!=", "<>", "ne" -> c != 0;
            case "<", "lt" -> c < 0;
            case "<=", "le" -> c <= 0;
            case ">", "gt" -> c > 0;
            case ">=", "ge" -> c >= 0;
            default -> throw new ELException("Invalid operator type (" + operator + ")");
        };
    }

    /** Python's LooseVersion order: runs of digits compare as numbers, runs of letters as text. */
    static int compareVersions(String x, String y) {
        List<String> a = parts(x);
        List<String> b = parts(y);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String p = a.get(i);
            String q = b.get(i);
            boolean pn = Character.isDigit(p.charAt(0));
            boolean qn = Character.isDigit(q.charAt(0));
            int c = pn && qn ? new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q))
                    : pn != qn ? (pn ? -1 : 1) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static List<String> parts(String version) {
        List<String> out = new ArrayList<>();
        Matcher m = VERSION_PART.matcher(version);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
