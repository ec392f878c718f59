package io.ipmirunner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real browser (headless Chromium from Debian): it loads with no console message, no
 * request, its sort, filter and host details work (the page's #selftest drives the same controls a user
 * clicks and writes the verdict into the DOM), at 30 and at 5,000 hosts; screenshots go to
 * target/report-screenshots/. Under CI=true a missing chromium fails these tests.
 */
@Tag("interop")
class ReportBrowserTest {
    private static final Path SHOTS = Path.of(System.getProperty("ipmirunner.root", "."), "target",
            "report-screenshots");

    @Test
    void theConsoleCheckSeesWhatABadPageDoes(@TempDir Path dir) throws Exception {
        Chromium.require();
        Path bad = Files.writeString(dir.resolve("bad.html"), "<html><head><meta http-equiv=\"Content-Security-"
                + "Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'\"></head><body>"
                + "<img src=\"http://127.44.0.9:9/x.png\"><script>console.error('boom'); missing();</script>"
                + "</body></html>");
        ProcessResult r = Chromium.dumpDom(bad, "", dir.resolve("profile"));
        List<String> console = Chromium.consoleLines(r.stderr());
        assertTrue(console.stream().anyMatch(l -> l.contains("violates the following Content Security Policy")),
                r.stderr());
        assertTrue(console.stream().anyMatch(l -> l.contains("boom")), r.stderr());
        assertTrue(console.stream().anyMatch(l -> l.contains("Uncaught ReferenceError")), r.stderr());
    }

    @Test
    void reportWorksInTheBrowser(@TempDir Path dir) throws Exception {
        Chromium.require();
        SyntheticRun.write(dir, 30, "1.0", true);
        check(Reports.writeAll(dir), dir, "report-30-hosts.png");
    }

    @Test
    void fiveThousandHosts(@TempDir Path dir) throws Exception {
        Chromium.require();
        SyntheticRun.write(dir, 5000, "1.0", true);
        Path html = Reports.writeAll(dir);
        check(html, dir, "report-5000-hosts.png");
    }

    private static void check(Path html, Path dir, String shot) throws Exception {
        ProcessResult r = Chromium.dumpDom(html, "#selftest", dir.resolve("profile"));
        assertEquals(0, r.exit(), r.toString());
        String dom = r.stdout();
        int at = dom.indexOf("SELFTEST ");
        assertTrue(at >= 0, "the self-test ran: " + r.stderr());
        String verdict = dom.substring(at, dom.indexOf("</pre>", at));
        assertTrue(verdict.startsWith("SELFTEST PASS"), verdict);
        assertTrue(verdict.contains("PASS no network: 0 requests"), verdict);
        assertEquals(List.of(), Chromium.consoleLines(r.stderr()), "no console message, CSP violation or error");
        assertFalse(dom.contains("<img src=\"x\""), "BMC data did not become markup in the live DOM");
        Files.createDirectories(SHOTS);
        Path png = SHOTS.resolve(shot);
        Files.deleteIfExists(png);
        ProcessResult s = Chromium.screenshot(html, png, dir.resolve("profile"));
        assertEquals(0, s.exit(), s.toString());
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 20_000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', "a real PNG");
        assertEquals(List.of(), Chromium.consoleLines(s.stderr()));
    }
}
