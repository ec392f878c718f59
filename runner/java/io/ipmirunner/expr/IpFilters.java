package io.ipmirunner.expr;

import io.ipmirunner.expr.Callables.NamedFilter;
import io.ipmirunner.expr.Callables.NamedTest;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address checks LAN settings need, as the {@code ansible.utils} collection spells them (it is not part
 * of ansible-core): {@code addr | ipaddr}, {@code | ipv4}, {@code | ipv6} give the address when it is one and
 * false otherwise; {@code is ip_address}, {@code is ipv4_address} tests. Literal syntax only: no DNS lookup.
 */
final class IpFilters {
    private static final Pattern OCTET = Pattern.compile("25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9]");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]{2,39}");

    private IpFilters() {}

    static List<NamedFilter> filters() {
        return List.of(
                new NamedFilter("ipaddr", (in, a) -> isV4(in) || isV6(in) ? in : false),
                new NamedFilter("ipv4", (in, a) -> isV4(in) ? in : false),
                new NamedFilter("ipv6", (in, a) -> isV6(in) ? in : false));
    }

    static List<NamedTest> tests() {
        return List.of(
                new NamedTest("ip_address", false, (in, a) -> isV4(in) || isV6(in)),
                new NamedTest("ipv4_address", false, (in, a) -> isV4(in)),
                new NamedTest("ipv6_address", false, (in, a) -> isV6(in)));
    }

    static boolean isV4(Object v) {
        if (!(v instanceof String s)) {
            return false;
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (!OCTET.matcher(p).matches()) {
                return false;
            }
        }
        return true;
    }

    static boolean isV6(Object v) {
        if (!(v instanceof String s) || !s.contains(":") || !IPV6.matcher(s).matches()) {
            return false;
        }
        int doubles = s.split("::", -1).length - 1;
        String[] groups = s.replace("::", ":x:").split(":", -1);
        int count = 0;
        for (String g : groups) {
            if (g.equals("x")) {
                continue;
            }
            if (g.isEmpty() && doubles == 0 || g.length() > 4) {
                return false;
            }
            count += g.isEmpty() ? 0 : 1;
        }
        return doubles <= 1 && (doubles == 1 ? count < 8 : count == 8);
    }
}
