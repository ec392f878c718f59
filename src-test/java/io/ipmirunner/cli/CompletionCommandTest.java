package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
    @Test
    void bashScriptKnowsSubcommandsAndTheirOptions() {
        CliRun r = CliRun.of("completion", "bash");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("complete -F _complete_ipmi-runner"), r.out());
        assertTrue(r.out().contains("--start-at-task"), "play's options");
        assertTrue(r.out().contains("encrypt-string"), "vault's subcommands");
    }

    /** The script, sourced by the shells themselves, registers the completion function (bash and zsh alike). */
    @Test
    void bashAndZshTakeTheScript(@TempDir Path dir) throws Exception {
        for (String shell : List.of("bash", "zsh")) {
            CliRun r = CliRun.of("completion", shell);
            assertEquals(0, r.exit(), r.toString());
            Path script = Files.writeString(dir.resolve(shell + "-completion"), r.out());
            String check = shell.equals("bash") ? "complete -p ipmi-runner" : "print -r -- ${_comps[ipmi-runner]}";
            assertTrue(run(shell, "source " + script + " && " + check).contains("-F _complete_ipmi-runner"), shell);
        }
    }

    private static String run(String shell, String command) throws Exception {
        Path exe = Path.of("/usr/bin", shell);
        if (!Files.isExecutable(exe) && !Files.isExecutable(exe = Path.of("/bin", shell))) {
            String message = shell + " is not installed (Debian package '" + shell + "')";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        Process p = new ProcessBuilder(exe.toString(), "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), shell + " finished");
        assertEquals(0, p.exitValue(), shell + ": " + out);
        return out;
    }

    @Test
    void otherShellIsRefused() {
        CliRun r = CliRun.of("completion", "fish");
        assertEquals(ExitCodes.BAD_OPTIONS, r.exit());
        assertTrue(r.err().contains("SHELL is bash or zsh"), r.err());
    }
}
