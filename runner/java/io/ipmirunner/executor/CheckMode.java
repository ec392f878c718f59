package io.ipmirunner.executor;

import java.util.Map;
import java.util.Set;

/**
 * Which module calls only read, so {@code --check} may run them. Kept here rather than on {@link
 * io.ipmirunner.modules.Module}: an unknown module counts as a write, so a new module is safe by default.
 */
final class CheckMode {
    private static final Set<String> READ_ONLY = Set.of("mc_info", "fru", "sdr", "sensor", "sel_list", "lan_info",
            "chassis_status", "boot_device_get", "user_list",
            "users", "channel_security");
    /** The {@code lan} module writes only when given one of these. */
    private static final Set<String> LAN_WRITES = Set.of("address", "netmask", "gateway", "source");

    private CheckMode() {}

    static boolean readOnly(String module, Map<String, String> args) {
        if (module.equals("power")) {
            return args.getOrDefault("state", "status").equals("status");
        }
        if (module.equals("lan")) {
            return args.keySet().stream().noneMatch(LAN_WRITES::contains);
        }
        return READ_ONLY.contains(module);
    }
}
