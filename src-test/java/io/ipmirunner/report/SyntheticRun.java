package io.ipmirunner.report;

import io.ipmirunner.executor.FailureClass;
import io.ipmirunner.executor.Journal;
import io.ipmirunner.executor.RunEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a journal through the real {@link Journal}, as a run over {@code hosts} BMCs would: mc_info, fru and
 * sensors, with every 7th host unreachable and every 11th failing its FRU read. Host 2's FRU product name and
 * every error carry markup, quotes, control characters and a lone surrogate, to prove the escaping.
 */
public final class SyntheticRun {
    static final String NASTY = "<img src=x onerror=alert(1)></script><script>alert(2)</script>\"'&\u0001\u2028\uD800";

    private SyntheticRun() {}

    static String host(int i) {
        return "node%04d".formatted(i);
    }

    public static void write(Path runDir, int hosts, String firmware, boolean complete) throws Exception {
        TickingClock clock = new TickingClock();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= hosts; i++) {
            names.add(host(i));
        }
        Map<String, RunEvent.Recap> recap = new LinkedHashMap<>();
        try (Journal j = new Journal(runDir, clock)) {
            j.on(new RunEvent.RunStarted("playbooks/audit.yml", List.of("fleet.yml"), null, false, "operator"));
            j.on(new RunEvent.PlayStarted("Inventory", names));
            List<String> live = new ArrayList<>(names);
            for (String module : List.of("mc_info", "fru", "sensors")) {
                j.on(new RunEvent.TaskStarted("Inventory", "Read " + module, false, at(module), module));
                for (String h : List.copyOf(live)) {
                    int i = Integer.parseInt(h.substring(4));
                    RunEvent.HostResult r = result(h, i, module, firmware);
                    recap.merge(h, RunEvent.Recap.ZERO.plus(r), (a, b) -> a.plus(r));
                    j.on(r);
                    if (!r.keepsHost()) {
                        live.remove(h);
                    }
                }
            }
            j.on(new RunEvent.PlayEnded("Inventory"));
            if (complete) {
                j.on(new RunEvent.RunEnded(recap));
            }
        }
    }

    private static String at(String module) {
        return "audit.yml:" + (List.of("mc_info", "fru", "sensors").indexOf(module) + 1) + ":7";
    }

    private static RunEvent.HostResult result(String h, int i, String module, String firmware) {
        if (module.equals("mc_info") && i % 7 == 0) {
            return new RunEvent.HostResult(h, "Read mc_info", at(module), RunEvent.Status.UNREACHABLE, false,
                    1, Duration.ofSeconds(20), Map.of(), h + ": no answer to Get Channel Authentication Capabilities "
                    + "after " + (20000 + i % 3) + " ms " + NASTY, FailureClass.UNREACHABLE);
        }
        if (module.equals("fru") && i % 11 == 0) {
            return new RunEvent.HostResult(h, "Read fru", at(module), RunEvent.Status.FAILED, false, 2,
                    Duration.ofMillis(300), Map.of(), "Read FRU Data: BMC says 0xcb (requested data not present)",
                    FailureClass.COMPLETION_CODE);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        switch (module) {
            case "mc_info" -> {
                result.put("firmware", firmware);
                result.put("manufacturer", "Dell");
                result.put("product_id", 256);
            }
            case "fru" -> {
                result.put("board", Map.of("serial", "MB" + i, "product", "X11"));
                result.put("product", Map.of("serial", "SN" + i, "name", i == 2 ? NASTY : "Server",
                        "manufacturer", "Dell Inc."));
                result.put("chassis", Map.of("serial", "CH" + i));
            }
            default -> {
                List<Map<String, Object>> sensors = new ArrayList<>();
                for (String s : List.of("Inlet Temp", "CPU1 Temp", "CPU2 Temp", "Fan1", "Fan2", "12V", "3.3V",
                        "Sys Power")) {
                    sensors.add(Map.of("name", s, "value", 20 + i % 30, "unit", "degrees C", "status", "ok"));
                }
                result.put("sensors", sensors);
            }
        }
        return new RunEvent.HostResult(h, "Read " + module, at(module),
                RunEvent.Status.OK, false, 1, Duration.ofMillis(40 + i % 50), result, null, null);
    }

    /** Each reading 7 ms later than the last: journal times that move, without sleeping. */
    private static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2026-11-24T03:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusMillis(7);
            return now;
        }
    }
}
