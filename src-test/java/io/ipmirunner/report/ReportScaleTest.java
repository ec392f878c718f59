package io.ipmirunner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 5,000 hosts: the three reports stay small enough to open and mail, and report.json still parses. */
class ReportScaleTest {
    @Test
    void fiveThousandHostsStaySane(@TempDir Path dir) throws Exception {
        SyntheticRun.write(dir, 5000, "1.0", true);
        long start = System.nanoTime();
        Reports.writeAll(dir);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long html = Files.size(dir.resolve("report.html"));
        long json = Files.size(dir.resolve("report.json"));
        long junit = Files.size(dir.resolve("junit.xml"));
        System.out.printf("5000 hosts: journal %d KB, report.html %d KB, report.json %d KB, junit.xml %d KB, "
                + "rendered in %d ms (a figure, not a check)%n", Files.size(dir.resolve("journal.jsonl")) / 1024,
                html / 1024, json / 1024, junit / 1024, millis);
        assertTrue(html < 12 * 1024 * 1024, "report.html of " + html + " bytes");
        String page = Files.readString(dir.resolve("report.html"));
        assertEquals(Charts.HEAT_ROWS * 8, page.split("<rect class=\"cell ", -1).length - 1,
                "the heat map draws its first 300 hosts, 8 sensors each, whatever the fleet");
        assertTrue(page.matches("(?s).*the first 300 shown \\(\\d+ more hosts in the inventory table\\).*"));
        Map<?, ?> parsed = (Map<?, ?>) Json.parse(Files.readString(dir.resolve("report.json")));
        assertEquals(5000, ((Map<?, ?>) parsed.get("hosts")).size());
    }
}
