package io.ipmirunner.sim.fleet;

import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Latency;
import io.ipmirunner.sim.fault.Quirk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys a fleet file may set, fleet-wide or per group, named like the command-line options; each turns
 * a group into a changed copy. Times are in seconds except the power-on delay (milliseconds, as the option).
 */
public final class GroupKeys {
    public static final List<String> KNOWN = List.of("name", "count", "personality", "latency", "rakp-latency", "loss", "busy-rate",
            "dead", "sessions", "session-timeout", "power-on-delay", "cipher-suites", "quirks", "cold-reset-after",
            "sessions-exhausted", "power");

    private GroupKeys() {}

    public static FleetGroup apply(FleetGroup g, Map<String, Object> keys) {
        for (var e : keys.entrySet()) {
            try {
                g = apply(g, e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
        return g;
    }

    private static FleetGroup apply(FleetGroup g, String key, Object value) {
        BmcSettings s = g.settings();
        FaultProfile f = g.faults();
        return switch (key) {
            case "name" -> new FleetGroup(scalar(value), g.count(), g.personality(), s, f, g.deadFraction());
            case "count" -> new FleetGroup(g.name(), integer(value), g.personality(), s, f, g.deadFraction());
            case "personality" -> new FleetGroup(g.name(), g.count(), scalar(value), s, f, g.deadFraction());
            case "latency" -> with(g, f.withLatency(Latency.parse(scalar(value))));
            case "rakp-latency" -> with(g, f.withRakpLatency(Latency.parse(scalar(value))));
            case "loss" -> with(g, f.withLoss(fraction(value)));
            case "busy-rate" -> with(g, f.withBusyRate(fraction(value)));
            case "dead" -> new FleetGroup(g.name(), g.count(), g.personality(), s, f, fraction(value));
            case "sessions" -> with(g, s.withSessionLimit(integer(value)));
            case "session-timeout" -> with(g, s.withSessionTimeout(integer(value) * 1000L));
            case "power-on-delay" -> with(g, s.withPowerOnDelay(integer(value)));
            case "cipher-suites" -> with(g, s.withCipherSuites(list(value).stream().map(GroupKeys::integer).toList()));
            case "quirks" -> with(g, f.withQuirks(quirks(list(value))));
            case "cold-reset-after" -> with(g, f.withColdResetAfter(integer(value) * 1000L));
            case "sessions-exhausted" -> with(g, f.withSessionsExhausted(bool(value)));
            case "power" -> with(g, s.withInitiallyOn(switch (scalar(value)) {
                case "on" -> true;
                case "off" -> false;
                default -> throw new IllegalArgumentException("use on or off");
            }));
            default -> throw new IllegalArgumentException("unknown key (known: " + String.join(", ", KNOWN) + ")");
        };
    }

    public static Set<Quirk> quirks(List<String> names) {
        Set<Quirk> out = EnumSet.noneOf(Quirk.class);
        for (String n : names) {
            out.add(Quirk.parse(n).orElseThrow(() -> new IllegalArgumentException("unknown quirk '" + n
                    + "' (known: " + String.join(", ", Arrays.stream(Quirk.values()).map(Quirk::label).toList())
                    + ")")));
        }
        return out;
    }

    private static FleetGroup with(FleetGroup g, BmcSettings s) {
        return new FleetGroup(g.name(), g.count(), g.personality(), s, g.faults(), g.deadFraction());
    }

    private static FleetGroup with(FleetGroup g, FaultProfile f) {
        return new FleetGroup(g.name(), g.count(), g.personality(), g.settings(), f, g.deadFraction());
    }

    private static String scalar(Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("expected one value, got a list");
    }

    private static List<String> list(Object v) {
        if (v instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            l.forEach(o -> out.add(o.toString()));
            return out;
        }
        return List.of(scalar(v).split("\\s*,\\s*"));
    }

    private static int integer(Object v) {
        try {
            return Integer.parseInt(scalar(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a whole number");
        }
    }

    private static double fraction(Object v) {
        try {
            return Double.parseDouble(scalar(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a number");
        }
    }

    private static boolean bool(Object v) {
        return switch (scalar(v)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("'" + v + "' is not true or false");
        };
    }
}
