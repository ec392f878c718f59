package io.ipmirunner.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run learnt about each host's hardware, picked from the results of the modules that read it (the
 * last successful result of each wins): FRU serials ({@code fru}), firmware ({@code mc_info}), sensor
 * readings ({@code sensors}), boot flags ({@code boot_device}), power ({@code power}) and the power draw in
 * watts (DCMI's current reading, {@code power_reading}).
 */
public final class InventoryData {
    private InventoryData() {}

    /**
     * Per host: {@code fru}, {@code firmware}, {@code sensors}, {@code boot}, {@code power}, {@code power_watts},
     * each when known.
     */
    public static Map<String, Object> of(HostRecord host) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (TaskRun t : host.tasks()) {
            if (t.status().equals("failed") || t.status().equals("unreachable") || t.status().equals("skipped")) {
                continue;
            }
            Map<String, Object> r = t.result();
            switch (t.module()) {
                case "fru" -> out.put("fru", fru(r));
                case "mc_info" -> out.put("firmware", pick(r, "firmware", "aux_firmware", "manufacturer",
                        "manufacturer_id", "product_id", "device_id", "ipmi_version"));
                case "sensors" -> {
                    if (r.get("sensors") instanceof List<?> l) {
                        out.put("sensors", sensors(l));
                    }
                }
                case "boot_device" -> out.put("boot", pick(r, "device", "persistent", "efi", "valid"));
                case "power_reading" -> {
                    if (r.get("current_watts") instanceof Number w) {
                        out.put("power_watts", w);
                    }
                }
                case "power" -> {
                    if (r.get("state") != null) {
                        out.put("power", String.valueOf(r.get("state")));
                    }
                }
                default -> { }
            }
        }
        return out;
    }

    private static Map<String, Object> fru(Map<String, Object> r) {
        Map<String, Object> out = new LinkedHashMap<>();
        area(out, r, "product", "serial", "product_serial");
        area(out, r, "product", "name", "product_name");
        area(out, r, "product", "manufacturer", "product_manufacturer");
        area(out, r, "product", "part_number", "product_part_number");
        area(out, r, "product", "asset_tag", "asset_tag");
        area(out, r, "board", "serial", "board_serial");
        area(out, r, "board", "product", "board_product");
        area(out, r, "board", "part_number", "board_part_number");
        area(out, r, "chassis", "serial", "chassis_serial");
        if (r.get("warnings") instanceof List<?> w && !w.isEmpty()) {
            out.put("warnings", w.size());
        }
        return out;
    }

    private static void area(Map<String, Object> out, Map<String, Object> r, String area, String field, String as) {
        if (r.get(area) instanceof Map<?, ?> m && m.get(field) != null) {
            out.put(as, String.valueOf(m.get(field)));
        }
    }

    private static Map<String, Object> pick(Map<String, Object> r, String... keys) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : keys) {
            if (r.get(k) != null) {
                out.put(k, r.get(k));
            }
        }
        return out;
    }

    private static List<Map<String, Object>> sensors(List<?> list) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?> m) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("name", String.valueOf(m.get("name")));
                s.put("value", m.get("value"));
                s.put("unit", m.get("unit") == null ? "" : String.valueOf(m.get("unit")));
                s.put("status", m.get("status") == null ? "" : String.valueOf(m.get("status")));
                out.add(s);
            }
        }
        return out;
    }
}
