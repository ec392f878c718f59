package io.ipmirunner.ipmi.session;

import java.util.Optional;

/** Which LAN protocol to speak: RMCP+ (IPMI v2.0, lanplus), IPMI v1.5 (lan), or v2.0 when offered else v1.5. */
public enum IpmiVersion {
    V20, V15, AUTO;

    public static Optional<IpmiVersion> parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "2.0", "2", "lanplus", "v20" -> Optional.of(V20);
            case "1.5", "lan", "v15" -> Optional.of(V15);
            case "auto" -> Optional.of(AUTO);
            default -> Optional.empty();
        };
    }
}
