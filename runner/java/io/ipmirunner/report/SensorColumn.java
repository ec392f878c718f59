package io.ipmirunner.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One analog sensor (by name) across the fleet: each host's reading and threshold state, for a column of the
 * heat map and a row of the spread chart. Discrete sensors have no value to compare and are left out.
 */
final class SensorColumn {
    final String name;
    final String unit;
    private final Map<String, Double> values = new LinkedHashMap<>();
    private final Map<String, String> states = new LinkedHashMap<>();
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    private SensorColumn(String name, String unit) {
        this.name = name;
        this.unit = unit;
    }

    /** The fleet's analog sensors in the order hosts list them. */
    static List<SensorColumn> of(Map<String, Map<String, Object>> inventory) {
        Map<String, SensorColumn> columns = new LinkedHashMap<>();
        inventory.forEach((host, inv) -> {
            if (!(inv.get("sensors") instanceof List<?> sensors)) {
                return;
            }
            for (Object o : sensors) {
                if (!(o instanceof Map<?, ?> s) || "discrete".equals(s.get("unit"))) {
                    continue;
                }
                String unit = String.valueOf(s.get("unit"));
                SensorColumn c = columns.computeIfAbsent(s.get("name") + " (" + unit + ")",
                        k -> new SensorColumn(String.valueOf(s.get("name")), unit));
                c.add(host, s.get("value") instanceof Number n ? n.doubleValue() : null, state(s.get("status")));
            }
        });
        return List.copyOf(columns.values());
    }

    /** ok, nc (non-critical), cr (critical or non-recoverable), na (no reading): as the heat map colours them. */
    static String state(Object status) {
        return switch (String.valueOf(status)) {
            case "ok" -> "ok";
            case "lnc", "unc" -> "nc";
            case "lcr", "ucr", "lnr", "unr" -> "cr";
            default -> "na";
        };
    }

    private void add(String host, Double value, String state) {
        states.put(host, state);
        if (value != null && !value.isNaN()) {
            values.put(host, value);
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
    }

    /** The host's state, or null when it has no such sensor. */
    String status(String host) {
        return states.get(host);
    }

    /** One heat-map cell: state, value, its place between the fleet's lowest and highest (0..1), a tooltip. */
    Map<String, Object> cell(String host) {
        Map<String, Object> c = new LinkedHashMap<>();
        String state = states.getOrDefault(host, "none");
        Double v = values.get(host);
        c.put("state", state);
        c.put("value", v == null ? "" : number(v));
        c.put("level", v == null || max <= min ? 0.5 : (v - min) / (max - min));
        c.put("title", host + " \u00b7 " + name + ": " + (v == null ? "no reading" : number(v) + " " + unit)
                + (state.equals("ok") || state.equals("none") ? "" : " (" + words(state) + ")"));
        return c;
    }

    private static String words(String state) {
        return switch (state) {
            case "nc" -> "past a non-critical threshold";
            case "cr" -> "past a critical threshold";
            default -> "no reading";
        };
    }

    /**
     * The readings' spread: minimum, quartiles, maximum (and their places 0..1 on the row's axis), and the
     * outliers, outside the quartiles by more than 1.5 times their distance or past a threshold, the
     * {@link Charts#NAMED} farthest from the median named.
     */
    Map<String, Object> spread() {
        List<Double> sorted = values.values().stream().sorted().toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("unit", unit);
        m.put("n", sorted.size());
        if (sorted.isEmpty()) {
            return m;
        }
        double q1 = quantile(sorted, 0.25);
        double median = quantile(sorted, 0.5);
        double q3 = quantile(sorted, 0.75);
        double fence = 1.5 * (q3 - q1);
        List<Map.Entry<String, Double>> outliers = new ArrayList<>();
        values.forEach((host, v) -> {
            if (v < q1 - fence || v > q3 + fence || !"ok".equals(states.get(host))) {
                outliers.add(Map.entry(host, v));
            }
        });
        outliers.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue() - median)));
        m.put("min", number(min));
        m.put("max", number(max));
        m.put("median", number(median));
        m.put("f_q1", place(q1));
        m.put("f_median", place(median));
        m.put("f_q3", place(q3));
        List<Map<String, Object>> named = new ArrayList<>();
        for (Map.Entry<String, Double> e : outliers) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("host", e.getKey());
            o.put("value", number(e.getValue()));
            o.put("f", place(e.getValue()));
            o.put("state", states.get(e.getKey()));
            o.put("named", named.size() < Charts.NAMED);
            named.add(o);
        }
        m.put("outliers", named.size() > 200 ? named.subList(0, 200) : named);
        m.put("outlier_count", named.size());
        // Dots for the fleet, at most 200 evenly through the sorted readings: the shape, not every host.
        List<Double> dots = new ArrayList<>();
        int step = Math.max(1, sorted.size() / 200);
        for (int i = 0; i < sorted.size(); i += step) {
            dots.add(place(sorted.get(i)));
        }
        m.put("dots", dots);
        return m;
    }

    private double place(double v) {
        return max <= min ? 0.5 : (v - min) / (max - min);
    }

    private static double quantile(List<Double> sorted, double q) {
        double pos = q * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.size() - 1, lo + 1);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (pos - lo);
    }

    /** At most three decimals, no trailing zeros. */
    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
