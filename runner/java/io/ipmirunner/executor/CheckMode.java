package io.ipmirunner.executor;

import java.util.Map;
import java.util.Set;

/**
 * Which module calls only read, so {@code --check} may run them. Kept here rather than on {@link
 * io.ipmirunner.modules.Module}: an unknown module counts as a write, so a new module is safe by default.
 */
final class CheckMode {
    private static final Set<String> READ_ONLY = Set.of("mc_info", "fru", "sensors", "chassis_status",
            "power_reading", "users", "channel_security", "sol_config");

    private CheckMode() {}

    static boolean readOnly(String module, Map<String, String> args) {
        return switch (module) {
            case "power" -> args.getOrDefault("state", "status").equals("status");
            case "sel" -> Set.of("list", "info", "time").contains(args.getOrDefault("action", "list"));
            case "boot_device" -> !args.containsKey("device");
            // Reading a console changes nothing; typing into it (send) or taking it from another session may.
            case "console" -> !args.containsKey("send") && !"steal".equals(args.get("policy"));
            case "lan" -> args.keySet().stream().noneMatch(Set.of("address", "netmask", "gateway", "source")::contains);
            default -> READ_ONLY.contains(module);
        };
    }
}
