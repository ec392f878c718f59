package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.IpmiSimPeer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Discrete sensors' present states (Get Sensor Reading bytes 3-4, §35.14) named as Table 42-2/42-3 name
 * them: a power supply with "Presence detected" and "Power Supply AC lost" asserted (sensor-specific,
 * 6Fh) and a drive bay whose device is present (generic type 08h), compiled by sdrcomp into ipmi_sim and
 * compared with what {@code ipmitool sdr elist} prints for them.
 */
@Tag("interop")
class DiscreteSensorsAgainstIpmiSimTest {
    @RegisterExtension
    static final IpmiSimPeer PEER = new IpmiSimPeer(DiscreteSensorsAgainstIpmiSimTest::discreteBmc, "ipmitool");

    private static IpmiSim discreteBmc() {
        try (InputStream in = DiscreteSensorsAgainstIpmiSimTest.class.getResourceAsStream("/interop/discrete.sdrs")) {
            return IpmiSim.builder().address("127.42.1.4").sdrs(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .emu("sensor_add 0x20 0 0x40 0x08 0x6f", "sensor_set_bit 0x20 0 0x40 0 1 0",
                            "sensor_set_bit 0x20 0 0x40 3 1 0",
                            "sensor_add 0x20 0 0x41 0x25 0x08", "sensor_set_bit 0x20 0 0x41 1 1 0")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void assertedStatesAreNamedAsIpmitoolNamesThem() throws Exception {
        Map<String, Object> r = IpmiSimModules.run(PEER, new SensorsModule(), Map.of()).result();
        List<Map<String, Object>> sensors = (List<Map<String, Object>>) r.get("sensors");
        Map<String, Object> psu = byName(sensors, "PSU1 Status");
        Map<String, Object> bay = byName(sensors, "Bay1 Present");
        assertEquals(List.of("Presence detected", "Power Supply AC lost"), psu.get("states"));
        assertEquals("0x0009", psu.get("status"));
        assertEquals("discrete", psu.get("unit"));
        assertEquals(List.of("Device Present"), bay.get("states"));

        // "PSU1 Status      | 40h | ok  | 10.1 | Presence detected, Power Supply AC lost"
        Map<String, String> elist = PEER.bmc().ipmitool("sdr", "elist").stdout().lines()
                .map(l -> Arrays.stream(l.split("\\|")).map(String::trim).toArray(String[]::new))
                .filter(c -> c.length == 5)
                .collect(java.util.stream.Collectors.toMap(c -> c[0], c -> c[4], (a, b) -> a));
        assertEquals(String.join(", ", (List<String>) psu.get("states")), elist.get("PSU1 Status"));
        assertEquals(String.join(", ", (List<String>) bay.get("states")), elist.get("Bay1 Present"));
    }

    private static Map<String, Object> byName(List<Map<String, Object>> sensors, String name) {
        return sensors.stream().filter(s -> name.equals(s.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among " + sensors));
    }
}
