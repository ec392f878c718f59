package io.ipmirunner.report;

import io.ipmirunner.interop.Peers;
import io.ipmirunner.interop.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium, run once per page: {@code --dump-dom} gives the DOM after the page's scripts
 * ran, and with {@code --enable-logging=stderr} every console message, CSP violation and uncaught error is
 * an {@code INFO:CONSOLE} line on stderr. Each run gets its own profile directory and no background
 * networking, so the only requests are the page's own.
 */
final class Chromium {
    private Chromium() {}

    static void require() {
        Peers.require("chromium");
    }

    /** The DOM after load (and up to 5 s of timers), and stderr. */
    static ProcessResult dumpDom(Path html, String fragment, Path profile) {
        return run(profile, List.of("--virtual-time-budget=5000", "--dump-dom", url(html, fragment)));
    }

    static ProcessResult screenshot(Path html, Path png, Path profile) {
        return run(profile, List.of("--window-size=1400,2000", "--screenshot=" + png, url(html, "")));
    }

    /** Console lines: messages, CSP violations and uncaught errors of the page. */
    static List<String> consoleLines(String stderr) {
        return stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
    }

    private static String url(Path html, String fragment) {
        return html.toAbsolutePath().toUri() + fragment;
    }

    private static ProcessResult run(Path profile, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Peers.find("chromium").orElseThrow().toString(), "--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        cmd.addAll(args);
        try {
            Files.createDirectories(profile);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ProcessResult.run(cmd, Map.of(), profile, Duration.ofSeconds(120));
    }
}
