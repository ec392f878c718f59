package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html's pictures carry the run's data: fleet-audit.yml on eight simulated BMCs in two racks, one with
 * a stopped fan (quirk failed-fan) and one powered off. Every SVG element is checked against report.json.
 */
class ReportChartsTest {
    private static final Path PLAYBOOK = Path.of(System.getProperty("ipmirunner.root", "."), "playbooks",
            "fleet-audit.yml");
    private static final Pattern CELL = Pattern.compile(
            "<rect class=\"cell (\\w+)\" data-host=\"([^\"]+)\" data-sensor=\"([^\"]+)\" data-state=\"(\\w+)\"");

    @Test
    @SuppressWarnings("unchecked")
    void chartsShowTheRunsSensorsPowerAndTimes(@TempDir Path dir) throws Exception {
        Path inv = Files.writeString(dir.resolve("rack.yml"), """
                all:
                  vars:
                    ipmi_simulated: true
                    ipmi_user: admin
                    ipmi_sim_power: on
                    expected_bmc_users: [admin, operator, user]
                  hosts:
                    r1-bmc01:
                    r1-bmc02: {ipmi_sim_quirks: [failed-fan]}
                    r1-bmc03:
                    r1-bmc04:
                    r2-bmc01:
                    r2-bmc02: {ipmi_sim_power: off}
                    r2-bmc03:
                    r2-bmc04:
                """);
        Path run = dir.resolve("run");
        CliRun r = CliRun.of("play", PLAYBOOK.toString(), "-i", inv.toString(), "--report-dir", run.toString());
        assertEquals(ExitCodes.HOST_FAILED, r.exit(), r.toString());
        String html = Files.readString(run.resolve("report.html"));
        Map<String, Object> report = (Map<String, Object>) Json.parse(Files.readString(run.resolve("report.json")));
        Map<String, Map<String, Object>> inventory = (Map<String, Map<String, Object>>) report.get("inventory");

        // Heat map: one cell per host and analog sensor, in the state report.json gives the reading.
        Map<String, String> cells = new HashMap<>();
        Matcher m = CELL.matcher(html);
        while (m.find()) {
            assertEquals(m.group(1), m.group(4));
            assertTrue(cells.put(m.group(2) + "/" + m.group(3), m.group(4)) == null, "one cell per host and sensor");
        }
        Set<String> expected = new HashSet<>();
        inventory.forEach((host, hostInv) -> {
            for (Map<String, Object> s : (List<Map<String, Object>>) hostInv.get("sensors")) {
                expected.add(host + "/" + s.get("name"));
                String state = switch (String.valueOf(s.get("status"))) {
                    case "ok" -> "ok";
                    case "lnc", "unc" -> "nc";
                    case "lcr", "ucr", "lnr", "unr" -> "cr";
                    default -> "na";
                };
                assertEquals(state, cells.get(host + "/" + s.get("name")), host + " " + s);
            }
        });
        assertEquals(8 * 8, expected.size(), "eight hosts, eight analog sensors each");
        assertEquals(expected, cells.keySet());
        assertEquals("cr", cells.get("r1-bmc02/Fan1"), "the stopped fan");
        assertEquals("cr", cells.get("r1-bmc02/CPU1 Temp"), "the processor it cooled");
        assertEquals("na", cells.get("r2-bmc02/CPU1 Temp"), "a host that is off has no CPU reading");
        assertTrue(html.indexOf("data-host=\"r1-bmc02\"") < html.indexOf("data-host=\"r1-bmc01\""),
                "the host past a threshold comes first");

        // Eight sensors fit a 400 px window: the heat map is at most 330 px wide (the page's chart column there).
        Matcher svg = Pattern.compile("<svg class=\"heatmap\" width=\"(\\d+)\"").matcher(html);
        assertTrue(svg.find(), "the heat map");
        assertTrue(Integer.parseInt(svg.group(1)) <= 330, "heat map width " + svg.group(1));

        // Spread: no number printed over another. The axis runs from x 22 to 302; the minimum and maximum are
        // printed at its ends, the median only where it clears them (Fan1's median is next to its maximum).
        Matcher row = Pattern.compile("<g class=\"spread-row\" data-sensor=\"([^\"]+)\"[\\s\\S]*?</g>").matcher(html);
        int rows = 0;
        while (row.find()) {
            rows++;
            Matcher small = Pattern.compile("<text class=\"small\" x=\"([0-9.]+)\"").matcher(row.group());
            List<Double> xs = new java.util.ArrayList<>();
            while (small.find()) {
                xs.add(Double.parseDouble(small.group(1)));
            }
            assertEquals(List.of(22.0, 302.0), xs.subList(0, 2), row.group(1));
            for (double x : xs.subList(2, xs.size())) {
                assertTrue(x >= 52 && x <= 272, row.group(1) + ": the median's number at x " + x + " overlaps an end's");
            }
        }
        assertEquals(8, rows, "a spread row per analog sensor");

        // Spread: the stopped fan is Fan1's named outlier.
        Matcher fan = Pattern.compile("data-sensor=\"Fan1\" data-n=\"(\\d+)\" data-outliers=\"(\\d+)\"[\\s\\S]*?"
                + "class=\"named\"[^>]*>outliers: ([^<]*)<").matcher(html);
        assertTrue(fan.find(), "Fan1's spread row");
        assertEquals("7", fan.group(1), "the host that is off has no fan reading");
        assertTrue(fan.group(3).startsWith("r1-bmc02 0"), fan.group(3));

        // Power: one bar per rack, the sum of its hosts' DCMI readings.
        Map<String, Long> watts = new HashMap<>();
        inventory.forEach((host, hostInv) -> watts.merge(host.substring(0, 2) + "-bmc",
                ((Number) hostInv.get("power_watts")).longValue(), Long::sum));
        Matcher bar = Pattern.compile("data-rack=\"([^\"]+)\" data-watts=\"(\\d+)\"").matcher(html);
        Map<String, Long> bars = new HashMap<>();
        while (bar.find()) {
            bars.put(bar.group(1), Long.parseLong(bar.group(2)));
        }
        assertEquals(watts.keySet(), bars.keySet());
        watts.forEach((rack, w) -> assertEquals(w, bars.get(rack), 1, rack));

        // Histogram: every host in one bin; the slowest named is the host report.json says took longest.
        Matcher bin = Pattern.compile("class=\"bar hist\" data-count=\"(\\d+)\"").matcher(html);
        int hosts = 0;
        int bins = 0;
        while (bin.find()) {
            hosts += Integer.parseInt(bin.group(1));
            bins++;
        }
        assertEquals(24, bins);
        assertEquals(8, hosts);
        Map<String, Map<String, Object>> byHost = (Map<String, Map<String, Object>>) report.get("hosts");
        String slowest = byHost.entrySet().stream().max(java.util.Comparator.comparingLong(
                e -> ((Number) e.getValue().get("duration_ms")).longValue())).orElseThrow().getKey();
        assertTrue(html.contains("slowest: <span class=\"slow\" data-host=\"" + slowest + "\""), slowest);

        // Timeline: one bar track per task run.
        assertEquals(((List<?>) report.get("timeline")).size(), html.split("<rect class=\"track\"", -1).length - 1);
    }
}
