package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The version, answered before the command model is built, is the one the model (usage, man pages) states. */
class VersionTest {
    @Test
    void bareVersionRequestPrintsTheModelsVersion() {
        String modelVersion = Main.full().getCommandSpec().version()[0];
        for (String flag : new String[] {"--version", "-V"}) {
            CliRun r = CliRun.of(flag);
            assertEquals(0, r.exit(), r.toString());
            assertEquals(modelVersion + System.lineSeparator(), r.out(), flag);
            assertEquals("", r.err(), flag);
        }
    }

    /** With a command beside it, picocli answers from the model, the same line. */
    @Test
    void versionBesideACommandIsPicocliAnswer() {
        CliRun r = CliRun.of("--version", "exec");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(Main.VERSION + System.lineSeparator(), r.out());
    }
}
