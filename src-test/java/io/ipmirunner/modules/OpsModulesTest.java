package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.dcmi.Dcmi;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Argument checks and result mapping of bmc_reset, power_reading, sel time and mc_info's GUID. */
class OpsModulesTest {
    @Test
    void bmcResetArguments() throws Exception {
        assertEquals(new BmcResetModule.Args("cold", true, 300_000, 2_000), new BmcResetModule().validate(Map.of()));
        assertEquals(new BmcResetModule.Args("warm", false, 30_000, 0),
                new BmcResetModule().validate(Map.of("type", "warm", "wait", "false", "timeout", "30", "settle", "0")));
        assertEquals("bmc_reset: type must be cold or warm, got 'hot'", assertThrows(ModuleArgumentException.class,
                () -> new BmcResetModule().validate(Map.of("type", "hot"))).getMessage());
        assertThrows(ModuleArgumentException.class, () -> new BmcResetModule().validate(Map.of("timeout", "-1")));
    }

    @Test
    void selTimeArguments() throws Exception {
        assertEquals(new SelModule.Args("set_time", Instant.parse("2026-01-31T11:00:00Z")),
                new SelModule().validate(Map.of("action", "set_time", "time", "2026-01-31T12:00:00+01:00")));
        assertEquals(new SelModule.Args("set_time", null),
                new SelModule().validate(Map.of("action", "set_time", "time", "now")));
        assertTrue(assertThrows(ModuleArgumentException.class, () -> new SelModule().validate(Map.of("action",
                "set_time", "time", "yesterday"))).getMessage().contains("ISO-8601"));
        assertThrows(ModuleArgumentException.class, () -> new SelModule().validate(Map.of("action", "set_time")));
        assertEquals("sel: time 2107-01-01T00:00:00Z does not fit the 32-bit SEL clock", assertThrows(
                ModuleArgumentException.class, () -> new SelModule().validate(Map.of("action", "set_time",
                        "time", "2107-01-01T00:00:00Z"))).getMessage());
        assertThrows(ModuleArgumentException.class, () -> new SelModule().validate(Map.of("action", "list",
                "time", "now")));
    }

    /**
     * DCMI v1.5 §6.6.1 response after the completion code: group DCh, current 0134h W, min 00C8h, max 01F4h,
     * average 012Ch, timestamp 6553F100h, period 00036EE8h ms (225 s), state 40h (measurement active).
     */
    @Test
    void powerReadingGoldenBytes() throws Exception {
        Dcmi.PowerReading p = Commands.GET_POWER_READING.decodeResponse(HexFormat.of().parseHex(
                "dc" + "3401" + "c800" + "f401" + "2c01" + "00f15365" + "e86e0300" + "40"));
        assertEquals(Map.of("current_watts", 308, "minimum_watts", 200, "maximum_watts", 500, "average_watts", 300,
                "sample_period_seconds", 225.0, "timestamp", "2023-11-14T22:13:20Z", "active", true),
                PowerReadingModule.reading(p));
        // §6.1 Table 6-3 parameter 1 after the group id: conformance 1.5, revision 02h, then mandatory 00h,
        // optional 01h (power management), access 0Ch (secondary and primary LAN).
        Dcmi.Capabilities c = Commands.GET_DCMI_CAPABILITIES.decodeResponse(HexFormat.of().parseHex(
                "dc0105020001" + "0c"));
        assertEquals(Map.of("version", "1.5", "power_management", true, "access", List.of("secondary_lan",
                "primary_lan")), PowerReadingModule.capabilities(c));
    }

    /** §20.8 byte order (all reversed), SMBIOS (time fields reversed) and RFC 4122, told by the version nibble. */
    @Test
    void guidInIpmiSmbiosAndRfc4122ByteOrder() {
        byte[] smbios = HexFormat.of().parseHex("33221100554477468899aabbccddeeff");
        assertEquals("00112233-4455-4677-8899-aabbccddeeff", McInfoModule.guidText(smbios));
        // Our simulator's GUID as ipmitool 1.8.19 prints it ("GUID Encoding : IPMI").
        byte[] ipmi = HexFormat.of().parseHex("f465b9a16a9e786e4f450980185dc406");
        assertEquals("06c45d18-8009-454f-6e78-9e6aa1b965f4", McInfoModule.guidText(ipmi));
        byte[] rfc = HexFormat.of().parseHex("0d19f0c21ae033eca0e20e5f9f78aa3c");
        assertEquals("0d19f0c2-1ae0-33ec-a0e2-0e5f9f78aa3c", McInfoModule.guidText(rfc));
    }
}
