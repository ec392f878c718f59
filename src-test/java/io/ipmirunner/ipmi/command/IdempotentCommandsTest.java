package io.ipmirunner.ipmi.command;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Only reads may be sent twice by the engine's re-login; every command that changes something is not. */
class IdempotentCommandsTest {
    @Test
    void readsAreIdempotent() {
        for (CommandSpec<?, ?> s : List.of(Commands.GET_DEVICE_ID, Commands.GET_CHASSIS_STATUS, Commands.GET_SDR,
                Commands.READ_FRU_DATA, Commands.GET_SEL_ENTRY, Commands.GET_LAN_CONFIG)) {
            assertTrue(IdempotentCommands.isIdempotent(s.netFn(), s.cmd()), s.toString());
        }
    }

    @Test
    void writesReservationsResetsAndGroupExtensionsAreNot() {
        for (CommandSpec<?, ?> s : List.of(Commands.CHASSIS_CONTROL, Commands.COLD_RESET, Commands.WARM_RESET,
                Commands.SET_SYSTEM_BOOT_OPTIONS, Commands.SET_USER_PASSWORD, Commands.CLEAR_SEL,
                Commands.SET_LAN_CONFIG, Commands.RESERVE_SDR_REPOSITORY, Commands.RESERVE_SEL,
                Commands.CHASSIS_IDENTIFY, Commands.CLOSE_SESSION, Commands.GET_POWER_READING)) {
            assertFalse(IdempotentCommands.isIdempotent(s.netFn(), s.cmd()), s.toString());
        }
        assertFalse(IdempotentCommands.isIdempotent(0x30, 0x01), "an OEM command");
    }
}
