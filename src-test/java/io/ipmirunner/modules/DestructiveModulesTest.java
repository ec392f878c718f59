package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which calls need an operator's confirmation on many hosts: writes that lock out or take a BMC away. */
class DestructiveModulesTest {
    private static boolean destructive(String module, Map<String, String> args) {
        return Modules.find(module).orElseThrow().destructive(args);
    }

    @Test
    void readsAreNotDestructive() {
        assertEquals(false, destructive("users", Map.of()));
        assertEquals(false, destructive("user", Map.of("id", "3")));
        assertEquals(false, destructive("lan", Map.of("channel", "1")));
        assertEquals(false, destructive("channel_security", Map.of()));
        assertEquals(false, destructive("power_reading", Map.of()));
        assertEquals(false, destructive("sel", Map.of("action", "time")));
    }

    @Test
    void writesThatLockOutOrDisconnectAreDestructive() {
        assertEquals(true, destructive("user", Map.of("id", "3", "password_file", "/x")));
        assertEquals(true, destructive("user", Map.of("id", "3", "enabled", "false")));
        assertEquals(true, destructive("lan", Map.of("address", "10.0.0.5")));
        assertEquals(true, destructive("bmc_reset", Map.of("type", "warm")));
        assertEquals(true, destructive("sel", Map.of("action", "clear")));
        assertEquals(true, destructive("power", Map.of("state", "off")));
    }
}
