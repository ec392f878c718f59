package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.IpmiSimPeer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Shared compact and event-only records compiled by sdrcomp (src-test/resources/interop/shared.sdrs) into
 * ipmi_sim: the sensors module lists one sensor per shared instance, numbered on from the record's sensor
 * number and named as Table 43-2 says, which FreeIPMI's {@code ipmi-sensors --shared-sensors} matches for the
 * numeric modifier.
 */
@Tag("interop")
class SharedSensorsAgainstIpmiSimTest {
    @RegisterExtension
    static final IpmiSimPeer PEER = new IpmiSimPeer(SharedSensorsAgainstIpmiSimTest::sharedBmc, "ipmitool",
            "ipmi-sensors");

    private static IpmiSim sharedBmc() {
        try (InputStream in = SharedSensorsAgainstIpmiSimTest.class.getResourceAsStream("/interop/shared.sdrs")) {
            return IpmiSim.builder().address("127.0.152.1").sdrs(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneSensorPerSharedInstanceNamedAsTheSpecificationSays() throws Exception {
        Map<String, Object> r = IpmiSimModules.run(PEER, new SensorsModule(), Map.of()).result();
        List<Map<String, Object>> sensors = (List<Map<String, Object>>) r.get("sensors");
        List<String> names = sensors.stream().map(m -> (String) m.get("name")).toList();
        List<Object> numbers = sensors.stream().map(m -> m.get("number")).toList();
        assertEquals(List.of("Inlet Temp", "CPU TEMP", "Psu 1", "Psu 2", "Psu 3", "Dimm A", "Dimm B", "Dimm C",
                "Dimm D", "Fan 1", "Fan 2"), names);
        assertEquals(List.of(1, 2, 0x40, 0x41, 0x42, 0x50, 0x51, 0x52, 0x53, 0x60, 0x61), numbers);

        // FreeIPMI 1.6.10 lists every instance of the compact records with --shared-sensors (event-only records
        // not at all): the numeric names match; the alpha ones all come out "Dimm A" (ipmi-sdr-parse.c takes
        // the modifier type for the offset), where Table 43-2's example counts A, B, C.
        List<String[]> fi = PEER.bmc().freeipmi("ipmi-sensors", "--shared-sensors", "--comma-separated-output",
                "--no-header-output").stdout().lines().map(l -> l.split(",")).toList();
        assertEquals(List.of("Fan 1", "Fan 2"), fi.stream().filter(f -> f[1].startsWith("Fan")).map(f -> f[1])
                .toList());
        assertEquals(4, fi.stream().filter(f -> f[1].startsWith("Dimm")).count());
        assertTrue(fi.stream().filter(f -> f[1].startsWith("Dimm")).allMatch(f -> f[1].equals("Dimm A")));
        // ipmitool 1.8.19 lists each shared record once, under its ID string alone.
        String elist = PEER.bmc().ipmitool("sdr", "elist", "all").stdout();
        assertTrue(elist.lines().anyMatch(l -> l.startsWith("Dimm ") && l.contains("| 50h |")), elist);
        assertTrue(elist.lines().noneMatch(l -> l.contains("| 51h |")), elist);
    }
}
