package io.ipmirunner.ipmi.command;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule the engine resends by, after a loss or after a fresh login: {@link Commands#idempotent}. */
class IdempotentCommandsTest {
    private static boolean idempotent(CommandSpec<?, ?> s, byte... data) {
        return Commands.idempotent(s.netFn(), s.cmd(), data);
    }

    @Test
    void readsAreIdempotent() {
        for (CommandSpec<?, ?> s : List.of(Commands.GET_DEVICE_ID, Commands.GET_CHASSIS_STATUS, Commands.GET_SDR,
                Commands.READ_FRU_DATA, Commands.GET_SEL_ENTRY, Commands.GET_LAN_CONFIG)) {
            assertTrue(idempotent(s), s.toString());
        }
        assertTrue(idempotent(Commands.GET_POWER_READING, (byte) 0xDC, (byte) 1), "DCMI's power reading");
    }

    @Test
    void settersAreIdempotentSinceASecondExecutionLeavesTheSameState() {
        for (CommandSpec<?, ?> s : List.of(Commands.SET_SYSTEM_BOOT_OPTIONS, Commands.SET_USER_PASSWORD,
                Commands.SET_LAN_CONFIG, Commands.SET_SEL_TIME, Commands.CLEAR_SEL)) {
            assertTrue(idempotent(s), s.toString());
        }
    }

    @Test
    void actionsUnknownCommandsAndOtherGroupsAreNot() {
        for (CommandSpec<?, ?> s : List.of(Commands.CHASSIS_CONTROL, Commands.COLD_RESET, Commands.WARM_RESET)) {
            assertFalse(idempotent(s), s.toString());
        }
        assertFalse(Commands.idempotent(0x30, 0x01, new byte[0]), "an OEM command");
        assertFalse(idempotent(Commands.GET_POWER_READING, (byte) 0x00, (byte) 1),
                "the same command code in another group (PICMG is 00h) is another command");
    }
}
