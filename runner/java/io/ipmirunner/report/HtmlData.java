package io.ipmirunner.report;

import io.ipmirunner.util.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data report.html's script renders from, embedded once as JSON: rows as arrays rather than objects and
 * task names listed once, so 5,000 hosts stay a few megabytes, and the page builds only the rows it shows;
 * each host's task results ({@code details}) go into the page {@link #packed}.
 * Results longer than {@link #RESULT_CHARS} are cut here; report.json keeps them whole.
 */
final class HtmlData {
    static final int RESULT_CHARS = 1200;
    /** Hosts per packed chunk of details: opening one host unpacks this many (a few hundred KB of JSON). */
    static final int DETAIL_CHUNK = 256;

    private HtmlData() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, Object> model) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Integer> taskIndex = new HashMap<>();
        List<List<Object>> tasks = new ArrayList<>();
        List<List<Object>> hosts = new ArrayList<>();
        List<List<Object>> details = new ArrayList<>();
        ((Map<String, Map<String, Object>>) model.get("hosts")).forEach((name, h) -> {
            List<Map<String, Object>> runs = (List<Map<String, Object>>) h.get("tasks");
            long changed = 0;
            for (Map<String, Object> t : runs) {
                changed += "changed".equals(t.get("status")) ? 1 : 0;
            }
            hosts.add(row(name, h.get("status"), h.get("failure_class"), h.get("failed_task"), h.get("error"),
                    runs.size(), changed, h.get("duration_ms")));
            List<Object> d = new ArrayList<>();
            for (Map<String, Object> t : runs) {
                String key = t.get("play") + "\u0000" + t.get("task_at") + "\u0000" + t.get("name");
                int idx = taskIndex.computeIfAbsent(key, k -> {
                    tasks.add(row(t.get("play"), t.get("name"), t.get("module")));
                    return tasks.size() - 1;
                });
                d.add(row(idx, t.get("status"), t.get("attempts"), t.get("duration_ms"), t.get("ignored"),
                        t.get("error"), t.get("failure_class"), result(t.get("result"))));
            }
            details.add(d);
        });
        out.put("tasks", tasks);
        out.put("hosts", hosts);
        out.put("details", details);
        inventory((Map<String, Map<String, Object>>) model.get("inventory"), out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void inventory(Map<String, Map<String, Object>> inventory, Map<String, Object> out) {
        List<List<Object>> fru = new ArrayList<>();
        List<List<Object>> firmware = new ArrayList<>();
        List<List<Object>> sensors = new ArrayList<>();
        List<List<Object>> boot = new ArrayList<>();
        inventory.forEach((host, inv) -> {
            if (inv.containsKey("boot") || inv.containsKey("power")) {
                Map<?, ?> flags = inv.get("boot") instanceof Map<?, ?> m ? m : Map.of();
                boot.add(row(host, inv.get("power"), flags.get("device"), flags.get("persistent"), flags.get("efi"),
                        flags.get("valid")));
            }
            if (inv.get("fru") instanceof Map<?, ?> f) {
                fru.add(row(host, f.get("product_serial"), f.get("board_serial"), f.get("chassis_serial"),
                        f.get("product_manufacturer"), f.get("product_name"), f.get("product_part_number"),
                        f.get("asset_tag")));
            }
            if (inv.get("firmware") instanceof Map<?, ?> m) {
                firmware.add(row(host, m.get("firmware"), m.get("aux_firmware"), m.get("manufacturer"),
                        m.get("product_id"), m.get("ipmi_version")));
            }
            if (inv.get("sensors") instanceof List<?> l) {
                for (Map<String, Object> s : (List<Map<String, Object>>) l) {
                    sensors.add(row(host, s.get("name"), s.get("value"), s.get("unit"), s.get("status")));
                }
            }
        });
        out.put("fru", fru);
        out.put("firmware", firmware);
        out.put("sensors", sensors);
        out.put("boot", boot);
    }

    /**
     * Hosts' details in chunks of {@link #DETAIL_CHUNK} hosts, each chunk its JSON gzip'd and in base64: the page
     * unpacks a chunk (DecompressionStream) when a host of it is opened, so 10,000 hosts' task results are
     * neither parsed nor held by the browser at load, and take about a tenth of the page's bytes.
     */
    static List<String> packed(List<?> details) {
        List<String> out = new ArrayList<>();
        for (int from = 0; from < details.size(); from += DETAIL_CHUNK) {
            byte[] json = Json.write(details.subList(from, Math.min(details.size(), from + DETAIL_CHUNK)))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var bytes = new java.io.ByteArrayOutputStream(json.length / 8 + 64);
            try (var gzip = new java.util.zip.GZIPOutputStream(bytes)) {
                gzip.write(json);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("gzip in memory", e);
            }
            out.add(java.util.Base64.getEncoder().encodeToString(bytes.toByteArray()));
        }
        return out;
    }

    private static String result(Object result) {
        String json = Json.write(result);
        return json.length() <= RESULT_CHARS ? json : json.substring(0, RESULT_CHARS)
                + " \u2026 (" + json.length() + " characters; the whole result is in report.json)";
    }

    private static List<Object> row(Object... values) {
        List<Object> l = new ArrayList<>(values.length);
        for (Object v : values) {
            l.add(v);
        }
        return l;
    }

    /** JSON safe inside a {@code <script>} element: no {@code <}, {@code >} or {@code &} left to end it early. */
    static String scriptJson(Object data) {
        return Json.write(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
