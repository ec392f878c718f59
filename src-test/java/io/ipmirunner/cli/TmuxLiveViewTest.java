package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.Peers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live view in a real terminal: tmux runs {@code play} of the demo (rack-bringup.yml on the simulated rack)
 * at 160x45, is resized to 60x20 mid-run, and its screen is captured every 150 ms. Every line on every
 * captured screen is one whole line of one frame (or a cut prefix of one), the status area shows once, the
 * counts are on screen at 60 columns, and after the run the scrollback holds one summary line per task run
 * and nothing of the status area.
 */
@Tag("interop")
class TmuxLiveViewTest {
    private static final Path ROOT = Path.of(System.getProperty("ipmirunner.root", "."));
    private static final String COUNTS = "ok=\\d+ changed=\\d+ failed=\\d+ unreachable=\\d+ skipped=\\d+";
    private static final String TITLE = "(?:TASK|RUNNING HANDLER) \\[[^\\]]*\\]";
    private static final Pattern HEAD = Pattern.compile("\\[\\d+:\\d\\d\\] (?:starting|hosts=\\d+ failed=\\d+ "
            + "unreachable=\\d+(?: batch \\d+/\\d+)? PLAY \\[[^\\]]*\\])");
    private static final Pattern TASK = Pattern.compile("  \\d+/\\d+ " + COUNTS
            + " (?:done \\d+:\\d\\d|\\d+:\\d\\d(?: ETA \\d+:\\d\\d)?) " + TITLE);
    /** How the status area's first line starts, whole or cut. */
    private static final Pattern AREA_START = Pattern.compile("\\[\\d+:\\d\\d\\] (?:starting|hosts=\\d+ )");
    private static final Pattern WAITING = Pattern.compile("  waiting for \\d+: [^ ]+");
    private static final Pattern SUMMARY = Pattern.compile(TITLE + "(?: batch \\d+/\\d+)? " + COUNTS
            + " in \\d+\\.\\ds(?: failed: [^ ]+)?(?: unreachable: [^ ]+)?");
    /** Everything else the run prints: play headers, failures, the recap, where the report went, the summary. */
    private static final Pattern OTHER = Pattern.compile("|PLAY \\[[^\\]]*\\]|PLAY RECAP \\*+"
            + "|[\\w.-]+ +: ok=\\d+ +changed=\\d+ +unreachable=\\d+ +failed=\\d+ +skipped=\\d+ +rescued=\\d+ +ignored=\\d+"
            + "|(?:failed|fatal|unreachable|ok|changed|skipping): \\[[\\w.-]+\\].*"
            + "|report: .*|journal: .*|ipmi-runner: .*: \\d+ hosts, .*; exit \\d+|EXIT=\\d+");

    private String socket;

    @Test
    void framesNeverMixAndTheScrollbackKeepsOneLinePerTask(@TempDir Path dir) throws Exception {
        Peers.require("tmux");
        socket = "ipmirunner-view-" + ProcessHandle.current().pid();
        Path runDir = dir.resolve("run");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path script = Files.writeString(dir.resolve("play.sh"), "cd '" + ROOT.toAbsolutePath() + "'\n'" + java
                + "' -cp '" + System.getProperty("java.class.path") + "' io.ipmirunner.cli.Main play "
                + "playbooks/rack-bringup.yml -i inventory-examples/simulated-rack.yml --report-dir '" + runDir
                + "'\necho EXIT=$?\nsleep 120\n");
        Path conf = Files.writeString(dir.resolve("tmux.conf"), "set -g history-limit 5000\n");
        try {
            tmux("-f", conf.toString(), "new-session", "-d", "-s", "v", "-x", "160", "-y", "45", "sh " + script);
            List<String[]> wide = new ArrayList<>();
            List<String[]> narrow = new ArrayList<>();
            boolean resized = false;
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(120);
            String[] screen = new String[0];
            while (System.nanoTime() < deadline) {
                // -J: a scrollback line the terminal wrapped comes back whole
                screen = tmux("capture-pane", "-p", "-J", "-t", "v").split("\n", -1);
                (resized ? narrow : wide).add(screen);
                String text = String.join("\n", screen);
                if (text.contains("EXIT=")) {
                    break;
                }
                if (!resized && (text.contains("batch 1/2") || System.nanoTime() - start > 15e9)) {
                    tmux("resize-window", "-t", "v", "-x", "60", "-y", "20");
                    resized = true;
                }
                Thread.sleep(150);
            }
            String last = String.join("\n", screen);
            assertTrue(last.contains("EXIT=0"), "play did not finish with 0 in time:\n" + last);
            assertTrue(resized, "the run ended before the window was resized");
            assertTrue(wide.stream().anyMatch(s -> areaOf(s) >= 0), "no status area seen at 160 columns");
            assertTrue(narrow.stream().anyMatch(s -> areaOf(s) >= 0), "no status area seen at 60 columns");
            for (String[] s : wide) {
                checkScreen(s, 160);
            }
            // SIGWINCH: frames after the resize are laid out for 60 columns (the view cuts the play line with
            // "…" before the 60th column), not 160-column frames the terminal cuts.
            assertTrue(narrow.stream().map(TmuxLiveViewTest::areaLine).anyMatch(h -> h.endsWith("…")
                    && h.length() < 60), "no frame drawn for the new width");
            for (String[] s : narrow) {
                checkScreen(s, 60);
                int head = areaOf(s);
                if (head >= 0) {
                    assertTrue(Pattern.compile("failed=\\d+ unreachable=\\d+").matcher(s[head]).find(), s[head]);
                    if (s[head + 1].startsWith("  ")) {
                        assertTrue(Pattern.compile("failed=\\d+ unreachable=\\d+").matcher(s[head + 1]).find(),
                                "the counts of a task are cut at 60 columns: " + s[head + 1]);
                    }
                }
            }

            List<String> history = List.of(tmux("capture-pane", "-p", "-J", "-S", "-", "-E", "-", "-t", "v")
                    .split("\n"));
            List<String> summaries = history.stream().map(String::stripTrailing)
                    .filter(l -> SUMMARY.matcher(l).matches()).toList();
            String journal = Files.readString(runDir.resolve("journal.jsonl"), StandardCharsets.UTF_8);
            long taskRuns = journal.lines().filter(l -> l.contains("\"event\":\"task_start\"")
                    || l.contains("\"event\":\"handler_start\"")).count();
            assertEquals(taskRuns, summaries.size(), "summary lines in the scrollback:\n" + String.join("\n", history));
            assertTrue(summaries.contains(summaries.stream().filter(l -> l.startsWith("TASK [Wait for power] batch 2/2 "
                    + "ok=12 ")).findFirst().orElse("missing")), String.join("\n", summaries));
            for (String l : history) {
                String line = l.stripTrailing();
                assertFalse(HEAD.matcher(line).matches() || TASK.matcher(line).matches()
                        || WAITING.matcher(line).matches(), "the status area left a line in the scrollback: " + line);
            }
        } finally {
            try {
                tmux("kill-server");
            } catch (IOException | AssertionError ignored) {
                // the server is gone already
            }
        }
    }

    /**
     * Every line is a whole line of one frame or one line of output, or a cut prefix of one; the first may be
     * the tail of a wrapped line that began above the screen, but never part of the status area.
     */
    private static void checkScreen(String[] screen, int width) {
        int heads = 0;
        for (int i = 0; i < screen.length; i++) {
            String line = screen[i].stripTrailing();
            if (HEAD.matcher(line).matches() || prefix(HEAD, line, width)) {
                heads++;
                continue;
            }
            boolean known = TASK.matcher(line).matches() || WAITING.matcher(line).matches()
                    || SUMMARY.matcher(line).matches() || OTHER.matcher(line).matches()
                    || prefix(TASK, line, width) || prefix(WAITING, line, width)
                    || i == 0 && !line.contains("…") && !Pattern.compile("\\[\\d+:\\d\\d\\]|\\d+/\\d+ ok=")
                    .matcher(line).find();
            assertTrue(known, "a line that is no whole line of one frame:\n[" + line + "]\nin\n"
                    + String.join("\n", screen));
        }
        assertTrue(heads <= 1, "the status area shows more than once:\n" + String.join("\n", screen));
    }

    /**
     * A line the view cut (ending in …) or the terminal cut at its width, that starts a line of the grammar. A
     * frame drawn for the old width just after a resize is cut by the terminal with auto-wrap off: every
     * character past the last column lands in that column, so it shows the line's first width-1 characters and
     * its last one (seen under load: "... skipped=0 do]" from "... done 0:00 TASK [PXE on next boot]").
     */
    private static boolean prefix(Pattern p, String line, int width) {
        String body = line.endsWith("…") ? line.substring(0, line.length() - 1)
                : line.length() >= width ? line.substring(0, width - 1)
                : line.length() == width - 1 ? line : null;
        if (body == null) {
            return false;
        }
        Matcher m = p.matcher(body);
        return m.matches() || m.hitEnd();
    }

    /** The status area's first line on the screen, or "". */
    private static String areaLine(String[] screen) {
        int i = areaOf(screen);
        return i < 0 ? "" : screen[i].stripTrailing();
    }

    /** The index of the status area's first line on the screen, or -1. */
    private static int areaOf(String[] screen) {
        for (int i = 0; i < screen.length; i++) {
            if (AREA_START.matcher(screen[i]).lookingAt()) {
                return i;
            }
        }
        return -1;
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "tmux " + args[0] + " hung");
        if (p.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + ": " + out);
        }
        return out;
    }
}
