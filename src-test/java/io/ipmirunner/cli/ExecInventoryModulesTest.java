package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.Peers;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory modules through {@code exec --json}: nested results come out as JSON with the Contract keys. */
@Tag("interop")
class ExecInventoryModulesTest {
    private static IpmiSim bmc;
    @TempDir
    static Path dir;
    private static Path passwordFile;

    @BeforeAll
    static void start() throws Exception {
        Peers.require("ipmi_sim");
        bmc = IpmiSim.builder().build();
        passwordFile = java.nio.file.Files.writeString(dir.resolve("pw"), bmc.password() + "\n");
    }

    @AfterAll
    static void stop() {
        if (bmc != null) {
            bmc.close();
        }
    }

    private static CliRun exec(String... moduleAndArgs) {
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of("exec", bmc.host() + ":" + bmc.port()));
        a.addAll(java.util.List.of(moduleAndArgs));
        a.addAll(java.util.List.of("--json", "-u", bmc.username(), "--password-file", passwordFile.toString(),
                "--cipher-suite", "3", "--timeout", "5"));
        return CliRun.of(a.toArray(String[]::new));
    }

    @Test
    void fruSensorsAndSelAsJson() {
        CliRun fru = exec("fru");
        assertEquals(0, fru.exit(), fru.toString());
        assertTrue(fru.out().contains("\"name\": \"" + IpmiSim.FRU_PRODUCT_NAME + "\"")
                && fru.out().contains("\"warnings\": []"), fru.toString());
        CliRun sensors = exec("sensors");
        assertEquals(0, sensors.exit(), sensors.toString());
        assertTrue(sensors.out().contains("\"name\": \"" + IpmiSim.SENSOR_CPU + "\""), sensors.toString());
        CliRun sel = exec("sel", "action=list");
        assertEquals(0, sel.exit(), sel.toString());
        assertTrue(sel.out().contains("\"event\": \"Upper Critical going high\""), sel.toString());
        CliRun bad = exec("sel", "action=purge");
        assertEquals(ExitCodes.BAD_OPTIONS, bad.exit(), bad.toString());
    }
}
