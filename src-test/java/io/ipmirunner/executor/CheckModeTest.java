package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** --check runs only reads: the real module names, and per-argument reads of the modules that also write. */
class CheckModeTest {
    @Test
    void readsAndWrites() {
        for (String m : new String[] {"mc_info", "fru", "sensors", "chassis_status", "power_reading", "users",
                "channel_security"}) {
            assertTrue(CheckMode.readOnly(m, Map.of()), m);
        }
        assertTrue(CheckMode.readOnly("sel", Map.of("action", "time")));
        assertFalse(CheckMode.readOnly("sel", Map.of("action", "set_time", "time", "now")));
        assertFalse(CheckMode.readOnly("sel", Map.of("action", "clear")));
        assertTrue(CheckMode.readOnly("boot_device", Map.of()));
        assertFalse(CheckMode.readOnly("boot_device", Map.of("device", "pxe")));
        assertTrue(CheckMode.readOnly("lan", Map.of("channel", "1")));
        assertFalse(CheckMode.readOnly("lan", Map.of("address", "10.0.0.2")));
        for (String m : new String[] {"bmc_reset", "raw", "identify", "user", "no_such_module"}) {
            assertFalse(CheckMode.readOnly(m, Map.of()), m);
        }
    }
}
