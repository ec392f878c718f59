package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * play under a pseudo-terminal (util-linux {@code script}) draws the status area and a summary line per task;
 * with its output in a pipe it prints plain lines only. TmuxLiveViewTest looks at the frames a terminal shows.
 */
class LiveProgressPtyTest {
    private static final String PLAYBOOK = """
            - hosts: all
              tasks:
                - name: wait a little
                  pause: {seconds: 1}
                - name: say
                  debug: {msg: hello}
            """;

    @Test
    void aTerminalGetsAStatusAreaAPipeDoesNot(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is missing");
        Path playbook = Files.writeString(dir.resolve("p.yml"), PLAYBOOK);
        String java = ProcessHandle.current().info().command().orElse("java");
        String command = "stty cols 100 rows 20; " + java + " -cp " + System.getProperty("java.class.path")
                + " io.ipmirunner.cli.Main play " + playbook + " -i n1,n2, --report-dir " + dir.resolve("run");
        Path typescript = dir.resolve("typescript");
        Process p = new ProcessBuilder("script", "-q", "-e", "-c", command, typescript.toString())
                .redirectInput(ProcessBuilder.Redirect.PIPE).redirectErrorStream(true)
                .redirectOutput(dir.resolve("script.out").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "play under script did not finish");
        String tty = Files.readString(typescript);
        assertEquals(0, p.exitValue(), tty);
        assertFalse(tty.contains("\u001b[1;19r"), "the area is redrawn, not kept in a scroll region: " + tty);
        assertTrue(tty.contains("\u001b[?7l"), "frames are drawn without auto-wrap: " + tty);
        assertTrue(tty.contains("0/2 ok=0 changed=0 failed=0 unreachable=0 skipped=0"), tty);
        assertTrue(tty.contains("TASK [wait a little] ok=2 changed=0 failed=0 unreachable=0 skipped=0 in "), tty);
        assertTrue(tty.contains("PLAY RECAP"), tty);
        assertFalse(tty.contains("ok: [n1]"), "per-host ok lines belong to -v on a terminal: " + tty);

        CliRun plain = CliRun.of("play", playbook.toString(), "-i", "n1,n2,", "--report-dir",
                dir.resolve("run2").toString());
        assertEquals(0, plain.exit(), plain.toString());
        assertTrue(plain.out().contains("ok: [n1] => hello"), plain.toString());
        assertFalse(plain.out().contains("\u001b["), plain.toString());
    }
}
