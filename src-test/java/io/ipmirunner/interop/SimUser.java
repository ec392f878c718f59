package io.ipmirunner.interop;

import java.util.List;
import java.util.Set;

/**
 * One user of an {@link IpmiSim} BMC, validated against what ipmi_sim 2.0.33's lan.conf parser can
 * really store (its {@code read_bytes} helper): a quoted ASCII token without blanks or quotes, user
 * names of at most 15 characters and passwords of at most 19 (the 20th byte is always set to 0, and the
 * 32-hex-digit form cannot express a 20-byte password). Slot 1 is IPMI's anonymous user.
 *
 * @param authTypes IPMI 1.5 authentication types (none, straight, md2, md5). ipmi_sim has no per-user
 *     setting for them, only {@code allowed_auths_<privilege>} per channel: the fixture allows these types
 *     at every privilege level up to the user's own, since clients often log in below their maximum
 *     (FreeIPMI's ipmipower asks for OPERATOR, bmc-info for USER).
 */
public record SimUser(int slot, String name, String password, String privilege, Set<String> authTypes) {
    static final List<String> PRIVILEGES = List.of("callback", "user", "operator", "admin");
    static final Set<String> AUTH_TYPES = Set.of("none", "straight", "md2", "md5");

    public SimUser {
        if (slot < 1 || slot > 63) {
            throw new IllegalArgumentException("ipmi_sim user slots are 1..63, not " + slot);
        }
        requireToken("user name", name, 15, slot == 1);
        requireToken("password", password, 19, true);
        if (!PRIVILEGES.contains(privilege)) {
            throw new IllegalArgumentException("privilege must be one of " + PRIVILEGES + ": " + privilege);
        }
        authTypes = Set.copyOf(authTypes);
        for (String a : authTypes) {
            if (!AUTH_TYPES.contains(a)) {
                throw new IllegalArgumentException("IPMI 1.5 auth type must be one of " + AUTH_TYPES + ": " + a);
            }
        }
    }

    /** 1 (callback) .. 4 (admin), the IPMI privilege level number. */
    int level() {
        return PRIVILEGES.indexOf(privilege) + 1;
    }

    /** The lan.conf line; max-sessions 16 leaves room for tests that open several sessions at once. */
    String confLine() {
        return "user " + slot + " true \"" + name + "\" \"" + password + "\" " + privilege + " 16";
    }

    static void requireToken(String what, String value, int maxLength, boolean mayBeEmpty) {
        if (value == null || (value.isEmpty() && !mayBeEmpty) || value.length() > maxLength) {
            throw new IllegalArgumentException(what + " must have " + (mayBeEmpty ? 0 : 1) + ".." + maxLength
                    + " characters for ipmi_sim's lan.conf");
        }
        for (char c : value.toCharArray()) {
            if (c <= ' ' || c > '~' || c == '"' || c == '\'') {
                throw new IllegalArgumentException(what + " may hold only printable ASCII without blanks or quotes "
                        + "(ipmi_sim's lan.conf tokenizer splits on blanks)");
            }
        }
    }
}
