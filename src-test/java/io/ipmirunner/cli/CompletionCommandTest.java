package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompletionCommandTest {
    @Test
    void bashScriptKnowsSubcommandsAndTheirOptions() {
        CliRun r = CliRun.of("completion", "bash");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("complete -F _complete_ipmi-runner"), r.out());
        assertTrue(r.out().contains("--start-at-task"), "play's options");
        assertTrue(r.out().contains("encrypt-string"), "vault's subcommands");
    }

    @Test
    void zshEnablesBashCompletionFirst() {
        CliRun r = CliRun.of("completion", "zsh");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit"), r.out());
    }

    @Test
    void otherShellIsRefused() {
        CliRun r = CliRun.of("completion", "fish");
        assertEquals(ExitCodes.BAD_OPTIONS, r.exit());
        assertTrue(r.err().contains("SHELL is bash or zsh"), r.err());
    }
}
