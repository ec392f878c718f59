package io.ipmirunner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.util.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** report.json, junit.xml, report.html and user templates, from journals written by the real Journal. */
class ReportsTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path runDir) throws Exception {
        return (Map<String, Object>) Json.parse(Files.readString(runDir.resolve("report.json")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportJsonMatchesTheRun(@TempDir Path dir) throws Exception {
        SyntheticRun.write(dir, 30, "1.0", true);
        Path html = Reports.writeAll(dir);
        assertEquals(dir.resolve("report.html"), html);
        Map<String, Object> r = json(dir);
        assertEquals(1, r.get("schema_version"));
        Map<String, Object> summary = (Map<String, Object>) r.get("summary");
        assertEquals(30, summary.get("hosts"));
        assertEquals(24, summary.get("ok"));
        assertEquals(2, summary.get("failed"), "node0011 and node0022 failed their FRU read");
        assertEquals(4, summary.get("unreachable"), "every 7th host");
        assertEquals(30 + 26 + 24, summary.get("task_results"));
        Map<String, Object> run = (Map<String, Object>) r.get("run");
        assertEquals("playbooks/audit.yml", run.get("playbook"));
        assertEquals(List.of("fleet.yml"), run.get("inventory"));
        assertEquals("operator", run.get("user"));
        assertEquals(true, run.get("complete"));
        Map<String, Object> hosts = (Map<String, Object>) r.get("hosts");
        assertEquals(30, hosts.size());
        Map<String, Object> n11 = (Map<String, Object>) hosts.get("node0011");
        assertEquals("failed", n11.get("status"));
        assertEquals("completion_code", n11.get("failure_class"));
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) n11.get("tasks");
        assertEquals(List.of("Read mc_info", "Read fru"), tasks.stream().map(t -> t.get("name")).toList());
        Map<String, Object> fru = tasks.get(1);
        assertEquals("fru", fru.get("module"));
        assertEquals("failed", fru.get("status"));
        assertEquals(2, fru.get("attempts"));
        assertEquals(300, fru.get("duration_ms"));
        assertTrue(String.valueOf(fru.get("error")).contains("0xcb"));
        Map<String, Object> n2 = (Map<String, Object>) hosts.get("node0002");
        Map<String, Object> product = (Map<String, Object>) ((Map<String, Object>) ((List<Map<String, Object>>)
                n2.get("tasks")).get(1).get("result")).get("product");
        assertEquals(SyntheticRun.NASTY, product.get("name"),
                "markup, quotes, control characters and U+2028 survive the round trip");
        List<Map<String, Object>> failures = (List<Map<String, Object>>) r.get("failures");
        assertEquals(2, failures.size(), "one group per cause: the host names are taken out of the message, and "
                + "the time waited (20000-20002 ms) differs by timing alone");
        assertEquals(List.of("node0007", "node0014", "node0021", "node0028"), failures.get(0).get("hosts"));
        assertEquals("node0007,node0014,node0021,node0028", failures.get(0).get("host_ranges"));
        assertTrue(String.valueOf(failures.get(0).get("message")).startsWith("{host}: no answer to Get Channel "
                + "Authentication Capabilities after 20000-20002 ms "), String.valueOf(failures.get(0).get("message")));
    }

    @Test
    void junitXmlIsValid(@TempDir Path dir) throws Exception {
        SyntheticRun.write(dir, 30, "1.0", true);
        Reports.writeAll(dir);
        String xml = Files.readString(dir.resolve("junit.xml"), StandardCharsets.UTF_8);
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/report/junit.xsd"));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        assertEquals(80, doc.getElementsByTagName("testcase").getLength(), "one per host per task");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) json(dir).get("timeline");
        long start = timeline.stream().mapToLong(t -> ((Number) t.get("start_ms")).longValue()).min().orElseThrow();
        long end = timeline.stream().mapToLong(t -> ((Number) t.get("end_ms")).longValue()).max().orElseThrow();
        var suite = (org.w3c.dom.Element) doc.getElementsByTagName("testsuite").item(0);
        double cases = 0;
        var all = suite.getElementsByTagName("testcase");
        for (int i = 0; i < all.getLength(); i++) {
            cases += Double.parseDouble(((org.w3c.dom.Element) all.item(i)).getAttribute("time"));
        }
        assertEquals((end - start) / 1000.0, Double.parseDouble(suite.getAttribute("time")), 0.0005,
                "the suite's time is its play's wall time");
        assertTrue(cases > 10 * Double.parseDouble(suite.getAttribute("time")), "not the sum of its cases: " + cases);
        assertEquals(2, doc.getElementsByTagName("failure").getLength());
        assertEquals(4, doc.getElementsByTagName("error").getLength());
        var first = (org.w3c.dom.Element) doc.getElementsByTagName("testcase").item(0);
        assertEquals("Inventory/Read mc_info", first.getAttribute("classname"));
        assertEquals("node0001", first.getAttribute("name"));
        String error = ((org.w3c.dom.Element) doc.getElementsByTagName("error").item(0)).getAttribute("message");
        assertTrue(error.contains("</script><script>alert(2)</script>\"'&\uFFFD"),
                "escaped for XML, the control character replaced: " + error);
    }

    @Test
    void htmlEscapesEverythingAndIsOneFile(@TempDir Path dir) throws Exception {
        SyntheticRun.write(dir, 30, "1.0", true);
        String html = Files.readString(Reports.writeAll(dir));
        assertFalse(html.contains("<img src=x"), "BMC data never becomes markup");
        assertFalse(html.contains("<script>alert"));
        assertEquals(3, html.split("</script>", -1).length - 1, "only the page's own three script elements (data, packed details, code)");
        assertTrue(html.contains("&lt;/script&gt;&lt;script&gt;alert(2)"), "the failure group shows it, escaped");
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing to fetch");
        assertTrue(html.contains("Content-Security-Policy"));
        assertTrue(html.contains("4 hosts</b> &middot; unreachable [unreachable]"), "largest failure group");
    }

    @Test
    void aTornJournalGivesAPartialReport(@TempDir Path dir) throws Exception {
        SyntheticRun.write(dir, 10, "1.0", false);
        Path journal = dir.resolve("journal.jsonl");
        String text = Files.readString(journal);
        Files.writeString(journal, text.substring(0, text.length() - 40), StandardCharsets.UTF_8);
        String html = Files.readString(Reports.writeAll(dir));
        assertTrue(html.contains("run incomplete"), "the page says so");
        @SuppressWarnings("unchecked")
        Map<String, Object> run = (Map<String, Object>) json(dir).get("run");
        assertEquals(false, run.get("complete"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aResumedRunCountsEachResultOnce(@TempDir Path dir) throws Exception {
        SyntheticRun.write(dir, 12, "1.0", false);
        SyntheticRun.write(dir, 12, "1.0", true);
        Reports.writeAll(dir);
        Map<String, Object> r = json(dir);
        assertEquals(2, ((Map<String, Object>) r.get("run")).get("starts"));
        assertEquals(12 + 11 + 10, ((Map<String, Object>) r.get("summary")).get("task_results"),
                "replayed results stand in for the originals");
    }

    @Test
    void csvAndUserTemplates(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        SyntheticRun.write(runDir, 12, "1.0", true);
        List<String> csv = Reports.render(runDir, "csv").lines().toList();
        assertEquals(13, csv.size(), "a header and one line per host");
        assertEquals("\"node0001\",\"ok\",\"SN1\",\"MB1\",\"CH1\",\"Dell Inc.\",\"Server\",\"1.0\",\"Dell\",\"256\"",
                csv.get(1));
        assertTrue(csv.get(7).startsWith("\"node0007\",\"unreachable\",\"\""), csv.get(7));
        Path mine = Files.writeString(dir.resolve("count.ftl"), "${summary.hosts} hosts, ${failures?size} causes\n");
        assertEquals("12 hosts, 2 causes\n", Reports.render(runDir, mine));
        Path broken = Files.writeString(dir.resolve("broken.ftl"), "line one\n${summary.nope.deeper}\n");
        ReportException e = assertThrows(ReportException.class, () -> Reports.render(runDir, broken));
        assertTrue(e.getMessage().startsWith("broken.ftl:2:"), e.getMessage());
    }

    @Test
    void diffShowsFirmwareDriftOnly(@TempDir Path dir) throws Exception {
        SyntheticRun.write(dir.resolve("a"), 12, "1.0", true);
        SyntheticRun.write(dir.resolve("b"), 12, "1.1", true);
        Reports.Diff same = Reports.diff(dir.resolve("a"), dir.resolve("a"));
        assertEquals(0, same.hostsWithDrift());
        Reports.Diff d = Reports.diff(dir.resolve("a"), dir.resolve("b"));
        assertEquals(11, d.hostsWithDrift(), "every host whose mc_info answered in both runs (not node0007)");
        assertTrue(d.text().contains("node0001\n  firmware firmware: 1.0 -> 1.1\n"), d.text());
        assertFalse(d.text().contains("sensors"), "readings drift by themselves: not reported");
        assertTrue(d.html().contains("<td>node0001</td><td>firmware</td><td>firmware</td>"), d.html());
    }
}
