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
        Path inv = dir.resolve("rack.yml");
        Files.writeString(inv, """
                all:
                  vars: {ipmi_simulated: true}
                  hosts:
                    bmc[1:4]:
                """);
        CliRun r = CliRun.of("demo", "-i", inv.toString(), "--report-dir", dir.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("power on and wait            4 changed"), r.toString());
        String json = Files.readString(dir.resolve("results.json"));
        // Power state "on" once per host for the power-on step and once for the status read.
        assertEquals(8, json.split("\"state\": \"on\"", -1).length - 1, json);
        assertTrue(json.contains("\"firmware\""), json);
    }

    @Test
    void execRunsAgainstTheShippedSimulatedRackWithNothingElseRunning() {
        String inv = Path.of(System.getProperty("ipmirunner.root", "."), "inventory-examples", "simulated-rack.yml")
                .toString();
        CliRun r = CliRun.of("exec", "-i", inv, "rack_b", "power", "--json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(12, r.out().split("\"status\": \"ok\"", -1).length - 1, r.toString());
        assertTrue(r.out().contains("\"rack-b-bmc12\""), r.toString());
    }
}
