package io.ipmirunner.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Drift between two runs: for every host in both, what the later run read differs from the earlier, in four
 * areas: {@code fru} (serials, part numbers), {@code firmware} ({@code mc_info}), {@code users} (results of
 * modules named {@code user*}) and {@code settings} (boot flags and the results of {@code lan*} and
 * {@code channel*} modules). Each module's last successful result is compared with the same module's in the
 * other run; a module that ran in only one of the runs is not compared (a {@code user} write in the later
 * run is not drift, the {@code users} listing after it is). Values that change on their own (power state,
 * sensors, whether a write happened) are left out.
 */
public final class RunDiff {
    private static final Set<String> VOLATILE = Set.of("changed", "failed", "attempts", "warnings", "verified",
            "not_kept", "action", "previous", "confirmed", "note", "msg", "waited_ms", "skip_reason", "changes");

    /** One value that differs; {@code before} or {@code after} is null when the key exists in one run only. */
    public record Drift(String host, String area, String key, Object before, Object after) {}

    public record Result(List<Drift> drifts, List<String> onlyInA, List<String> onlyInB, int compared) {
        public long hostsWithDrift() {
            return drifts.stream().map(Drift::host).distinct().count();
        }
    }

    private RunDiff() {}

    public static Result compare(RunRecord a, RunRecord b) {
        List<Drift> drifts = new ArrayList<>();
        List<String> onlyA = new ArrayList<>();
        int compared = 0;
        for (HostRecord ha : a.hosts().values()) {
            HostRecord hb = b.hosts().get(ha.name());
            if (hb == null) {
                onlyA.add(ha.name());
                continue;
            }
            compared++;
            Map<String, Map<String, Object>> before = modules(ha);
            Map<String, Map<String, Object>> after = modules(hb);
            for (String area : List.of("fru", "firmware", "users", "settings")) {
                for (String module : before.keySet()) {
                    Map<String, Object> x = before.get(module);
                    Map<String, Object> y = after.get(module);
                    if (!area.equals(area(module)) || y == null) {
                        continue;
                    }
                    Set<String> keys = new TreeSet<>(x.keySet());
                    keys.addAll(y.keySet());
                    for (String k : keys) {
                        if (!Objects.equals(String.valueOf(x.get(k)), String.valueOf(y.get(k)))) {
                            drifts.add(new Drift(ha.name(), area, k, x.get(k), y.get(k)));
                        }
                    }
                }
            }
        }
        List<String> onlyB = b.hosts().keySet().stream().filter(h -> !a.hosts().containsKey(h)).toList();
        return new Result(drifts, onlyA, onlyB, compared);
    }

    /** Per module, flattened keys ({@code board_serial}, {@code users.users.3.name}) to values. */
    static Map<String, Map<String, Object>> modules(HostRecord h) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        Map<String, Object> inv = InventoryData.of(h);
        if (inv.get("fru") instanceof Map<?, ?> fru) {
            out.put("fru", flat("", fru));
        }
        if (inv.get("firmware") instanceof Map<?, ?> fw) {
            out.put("mc_info", flat("", fw));
        }
        for (TaskRun t : h.tasks()) {
            String area = area(t.module());
            if ((t.status().equals("ok") || t.status().equals("changed")) && area != null
                    && !area.equals("fru") && !area.equals("firmware")) {
                out.put(t.module(), flat(t.module() + ".", t.result()));
            }
        }
        return out;
    }

    private static String area(String module) {
        if (module.equals("fru")) {
            return "fru";
        }
        if (module.equals("mc_info")) {
            return "firmware";
        }
        if (module.startsWith("user")) {
            return "users";
        }
        return module.equals("boot_device") || module.startsWith("lan") || module.startsWith("channel")
                ? "settings" : null;
    }

    private static Map<String, Object> flat(String prefix, Object value) {
        Map<String, Object> out = new TreeMap<>();
        switch (value) {
            case Map<?, ?> m -> m.forEach((k, v) -> {
                if (!VOLATILE.contains(String.valueOf(k))) {
                    out.putAll(flat(prefix + k + ".", v));
                }
            });
            case List<?> l -> {
                for (int i = 0; i < l.size(); i++) {
                    Object item = l.get(i);
                    String id = item instanceof Map<?, ?> m && m.get("id") != null ? String.valueOf(m.get("id"))
                            : item instanceof Map<?, ?> m && m.get("name") != null ? String.valueOf(m.get("name"))
                            : String.valueOf(i);
                    out.putAll(flat(prefix + id + ".", item));
                }
            }
            case null, default -> out.put(prefix.isEmpty() ? "value" : prefix.substring(0, prefix.length() - 1), value);
        }
        return out;
    }

    /** The drift as text, one block per host. */
    public static String text(Result r, String nameA, String nameB) {
        StringBuilder sb = new StringBuilder();
        sb.append("drift from ").append(nameA).append(" to ").append(nameB).append(": ")
                .append(r.hostsWithDrift()).append(" of ").append(r.compared()).append(" hosts differ");
        if (!r.onlyInA().isEmpty()) {
            sb.append("; only in the first: ").append(String.join(", ", r.onlyInA()));
        }
        if (!r.onlyInB().isEmpty()) {
            sb.append("; only in the second: ").append(String.join(", ", r.onlyInB()));
        }
        sb.append('\n');
        String host = null;
        for (Drift d : r.drifts()) {
            if (!d.host().equals(host)) {
                host = d.host();
                sb.append(host).append('\n');
            }
            sb.append("  ").append(d.area()).append(' ').append(d.key()).append(": ").append(shown(d.before()))
                    .append(" -> ").append(shown(d.after())).append('\n');
        }
        return sb.toString();
    }

    /** The model of diff.html.ftl. */
    public static Map<String, Object> model(Result r, String nameA, String nameB) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_a", nameA);
        m.put("run_b", nameB);
        m.put("compared", r.compared());
        m.put("hosts_with_drift", r.hostsWithDrift());
        m.put("only_in_a", r.onlyInA());
        m.put("only_in_b", r.onlyInB());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Drift d : r.drifts()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("host", d.host());
            row.put("area", d.area());
            row.put("key", d.key());
            row.put("before", shown(d.before()));
            row.put("after", shown(d.after()));
            rows.add(row);
        }
        m.put("drifts", rows);
        return m;
    }

    private static String shown(Object v) {
        return v == null ? "(absent)" : String.valueOf(v);
    }
}
