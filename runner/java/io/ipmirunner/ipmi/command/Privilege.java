package io.ipmirunner.ipmi.command;

import java.util.Locale;
import java.util.Optional;

/** Session privilege levels (IPMI v2.0 §6.8, Table 6-3 and §22.18). */
public enum Privilege {
    CALLBACK(1), USER(2), OPERATOR(3), ADMINISTRATOR(4), OEM(5);

    private final int code;

    Privilege(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<Privilege> fromCode(int code) {
        for (Privilege p : values()) {
            if (p.code == code) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Accepts the names ipmitool and FreeIPMI use: callback, user, operator, admin/administrator, oem. */
    public static Optional<Privilege> parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "callback" -> Optional.of(CALLBACK);
            case "user" -> Optional.of(USER);
            case "operator" -> Optional.of(OPERATOR);
            case "admin", "administrator" -> Optional.of(ADMINISTRATOR);
            case "oem", "oem_proprietary" -> Optional.of(OEM);
            default -> Optional.empty();
        };
    }

    public boolean atLeast(Privilege other) {
        return code >= other.code;
    }

    public String label() {
        return this == ADMINISTRATOR ? "admin" : name().toLowerCase(Locale.ROOT);
    }
}
