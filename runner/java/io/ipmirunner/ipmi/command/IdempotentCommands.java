package io.ipmirunner.ipmi.command;

import java.util.List;

/**
 * The commands that change nothing on the BMC, so sending one again (after a fresh login, when the BMC lost
 * the session mid-command) can do no harm: the Get and Read commands of {@link Commands}. Anything not
 * listed, including every raw command of an unknown netFn/cmd, counts as state-changing and is never sent
 * twice by the engine's re-login. Reserve SDR Repository and Reserve SEL are left out: a reservation
 * cancels the previous one (§33.11, §31.4), so sending one twice is not without effect. So are the DCMI
 * reads: a group extension's command code means something else in another group (IPMI v2.0 §5.1), and the
 * group is in the data, not in netFn/cmd.
 */
public final class IdempotentCommands {
    private IdempotentCommands() {}

    private static final List<CommandSpec<?, ?>> READS = List.of(
            Commands.GET_DEVICE_ID, Commands.GET_SELF_TEST_RESULTS, Commands.GET_DEVICE_GUID,
            Commands.GET_SYSTEM_GUID, Commands.GET_CHANNEL_AUTH_CAPABILITIES, Commands.GET_SESSION_INFO,
            Commands.GET_CHANNEL_CIPHER_SUITES, Commands.GET_CHANNEL_INFO, Commands.GET_CHANNEL_ACCESS,
            Commands.GET_USER_ACCESS, Commands.GET_USER_NAME,
            Commands.GET_CHASSIS_STATUS, Commands.GET_SYSTEM_BOOT_OPTIONS,
            Commands.GET_SENSOR_READING, Commands.GET_SENSOR_THRESHOLDS,
            Commands.GET_FRU_INVENTORY_AREA_INFO, Commands.READ_FRU_DATA,
            Commands.GET_SDR_REPOSITORY_INFO, Commands.GET_SDR,
            Commands.GET_SEL_INFO, Commands.GET_SEL_ALLOCATION_INFO, Commands.GET_SEL_ENTRY, Commands.GET_SEL_TIME,
            Commands.GET_LAN_CONFIG);

    /** Whether the request with this netFn and command may be sent twice. */
    public static boolean isIdempotent(int netFn, int cmd) {
        for (CommandSpec<?, ?> spec : READS) {
            if (spec.matches(netFn, cmd)) {
                return true;
            }
        }
        return false;
    }
}
