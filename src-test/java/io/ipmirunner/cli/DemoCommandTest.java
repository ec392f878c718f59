package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @Test
    void demoRunsTheBringUpStepsOnItsOwnRackAndWritesResults(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("demo", "--count", "4", "--report-dir", dir.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("power on and wait            4 changed"), r.toString());
        String json = Files.readString(dir.resolve("results.json"));
        // Power state "on" once per host for the power-on step and once for the status read.
        assertEquals(8, json.split("\"state\": \"on\"", -1).length - 1, json);
        assertTrue(json.contains("\"firmware\""), json);
    }
}
