package io.ipmirunner.report;

import io.ipmirunner.inventory.HostRanges;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What report.html's pictures show, as numbers the template draws SVG from (positions as fractions 0..1 of a
 * chart's width): the host x sensor heat map, each sensor's spread across the fleet with its outliers named,
 * power draw per rack, and the histogram of host run times with the slowest named. Every chart is bounded in
 * size whatever the fleet (10,000 hosts make the same number of bars; the heat map shows its first
 * {@link #HEAT_ROWS} hosts, those with a sensor past a threshold first).
 */
final class Charts {
    static final int HEAT_ROWS = 300;
    static final int BINS = 24;
    /** Outliers named beside a sensor's spread (more would not fit a phone-wide chart), slowest hosts named. */
    static final int NAMED = 3;
    static final int SLOWEST = 5;
    static final int RACKS = 40;
    /** A host name's trailing number: what is left is its rack (or row, or pod), as the names usually say. */
    private static final Pattern LAST_NUMBER = Pattern.compile("[-_.]?\\d+$");

    private Charts() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, Object> model) {
        Map<String, Map<String, Object>> hosts = (Map<String, Map<String, Object>>) model.get("hosts");
        Map<String, Map<String, Object>> inventory = (Map<String, Map<String, Object>>) model.get("inventory");
        Map<String, Object> out = new LinkedHashMap<>();
        List<SensorColumn> columns = SensorColumn.of(inventory);
        out.put("heat", heat(inventory, columns));
        out.put("spread", columns.stream().map(SensorColumn::spread).toList());
        out.put("power", power(hosts.keySet(), inventory));
        out.put("durations", durations(hosts));
        return out;
    }

    /** Rows of cells, one per host and sensor column: the hosts with a reading past a threshold first. */
    private static Map<String, Object> heat(Map<String, Map<String, Object>> inventory, List<SensorColumn> cols) {
        List<String> withSensors = new ArrayList<>();
        List<String> calm = new ArrayList<>();
        inventory.forEach((host, inv) -> {
            if (inv.get("sensors") instanceof List<?>) {
                boolean alarm = cols.stream().anyMatch(c -> !"ok".equals(c.status(host)) && c.status(host) != null
                        && !c.status(host).equals("na"));
                (alarm ? withSensors : calm).add(host);
            }
        });
        int alarmed = withSensors.size();
        withSensors.addAll(calm);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String host : withSensors.subList(0, Math.min(HEAT_ROWS, withSensors.size()))) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (SensorColumn c : cols) {
                cells.add(c.cell(host));
            }
            rows.add(Map.of("host", host, "cells", cells));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sensors", cols.stream().map(c -> Map.of("name", c.name, "unit", c.unit)).toList());
        m.put("rows", rows);
        m.put("hosts", withSensors.size());
        m.put("alarmed", alarmed);
        m.put("hidden", Math.max(0, withSensors.size() - HEAT_ROWS));
        return m;
    }

    /** The DCMI power reading's current watts summed per rack (the host name without its last number). */
    private static Map<String, Object> power(Iterable<String> hosts, Map<String, Map<String, Object>> inventory) {
        Map<String, double[]> racks = new LinkedHashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (String host : hosts) {
            Map<String, Object> inv = inventory.get(host);
            if (inv != null && inv.get("power_watts") instanceof Number w) {
                String rack = LAST_NUMBER.matcher(host).replaceFirst("");
                String key = rack.isEmpty() ? host : rack;
                racks.computeIfAbsent(key, k -> new double[1])[0] += w.doubleValue();
                members.computeIfAbsent(key, k -> new ArrayList<>()).add(host);
            }
        }
        List<Map<String, Object>> bars = new ArrayList<>();
        double max = racks.values().stream().mapToDouble(v -> v[0]).max().orElse(0);
        double total = racks.values().stream().mapToDouble(v -> v[0]).sum();
        racks.entrySet().stream().sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[0]))
                .limit(RACKS).forEach(e -> {
                    Map<String, Object> b = new LinkedHashMap<>();
                    b.put("rack", e.getKey());
                    b.put("watts", Math.round(e.getValue()[0]));
                    b.put("hosts", members.get(e.getKey()).size());
                    b.put("ranges", HostRanges.fold(members.get(e.getKey())));
                    b.put("fraction", max <= 0 ? 0.0 : e.getValue()[0] / max);
                    bars.add(b);
                });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bars", bars);
        m.put("racks", racks.size());
        m.put("total_watts", Math.round(total));
        m.put("hosts", members.values().stream().mapToInt(List::size).sum());
        return m;
    }

    /** Hosts by their run time, in {@link #BINS} equal bins from 0 to the slowest, and the slowest named. */
    private static Map<String, Object> durations(Map<String, Map<String, Object>> hosts) {
        List<Map.Entry<String, Long>> all = new ArrayList<>();
        hosts.forEach((h, m) -> {
            if (m.get("duration_ms") instanceof Number d && !"not_run".equals(m.get("status"))) {
                all.add(Map.entry(h, d.longValue()));
            }
        });
        long max = all.stream().mapToLong(Map.Entry::getValue).max().orElse(0);
        long width = Math.max(1, (max + BINS) / BINS);
        int[] counts = new int[BINS];
        all.forEach(e -> counts[(int) Math.min(BINS - 1, e.getValue() / width)]++);
        int top = 0;
        for (int c : counts) {
            top = Math.max(top, c);
        }
        List<Map<String, Object>> bins = new ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("from_ms", i * width);
            b.put("to_ms", (i + 1) * width);
            b.put("count", counts[i]);
            b.put("fraction", top == 0 ? 0.0 : counts[i] / (double) top);
            bins.add(b);
        }
        all.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bins", bins);
        m.put("hosts", all.size());
        m.put("max_count", top);
        m.put("max_ms", max);
        m.put("slowest", all.subList(0, Math.min(SLOWEST, all.size())).stream()
                .map(e -> Map.of("host", e.getKey(), "ms", e.getValue())).toList());
        return m;
    }
}
