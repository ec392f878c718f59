package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.command.app.UserAccess;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One user as the BMC reports it on one channel: Get User Name (IPMI v2.0 §22.29) and Get User Access
 * (§22.27). {@code enableStatus} is byte 2 bits 7:6 (01b enabled, 10b disabled, 00b not reported — OpenIPMI's
 * ipmi_sim never reports it); {@code enabledUsers} is the BMC-wide count, which still moves when one is enabled.
 */
record UserState(int id, String name, int enableStatus, int enabledUsers, int maxUsers, boolean ipmiMessaging,
                 int privilege) {
    static final int ENABLED = 1;
    static final int DISABLED = 2;

    /** Sends both requests at once; a BMC that has no name for the id answers an error, read as "". */
    static CompletableFuture<UserState> readAsync(Bmc s, int channel, int id) {
        CompletableFuture<String> name = s.sendAsync(Commands.GET_USER_NAME, new UserAccess.NameRequest(id))
                .thenApply(UserAccess.Name::name).exceptionally(e -> "");
        CompletableFuture<UserAccess.Response> access = s.sendAsync(Commands.GET_USER_ACCESS,
                new UserAccess.Request(channel, id));
        return access.thenCombine(name, (a, n) -> new UserState(id, n, a.enableStatus(), a.enabledUsers(),
                a.maxUsers(), a.messaging(), a.privilegeLimit()));
    }

    static UserState read(Bmc s, int channel, int id) throws IpmiException {
        return Bmc.await(readAsync(s, channel, id));
    }

    /** True or false when the BMC says, empty when it does not. */
    Optional<Boolean> enabled() {
        return switch (enableStatus) {
            case ENABLED -> Optional.of(true);
            case DISABLED -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("enabled", enabled().orElse(null));
        m.put("privilege", privilegeName(privilege));
        m.put("ipmi_messaging", ipmiMessaging);
        return m;
    }

    /** callback, user, operator, administrator, oem; no_access for 0xF; other codes in hex. */
    static String privilegeName(int code) {
        if (code == UserAccess.NO_ACCESS) {
            return "no_access";
        }
        return Privilege.fromCode(code).map(p -> p.name().toLowerCase(Locale.ROOT)).orElse("0x%x".formatted(code));
    }

    /** The inverse of {@link #privilegeName}, also taking ipmitool's "admin"; empty for anything else. */
    static Optional<Integer> parsePrivilege(String s) {
        String v = s.toLowerCase(Locale.ROOT);
        if (v.equals("no_access") || v.equals("no-access") || v.equals("none")) {
            return Optional.of(UserAccess.NO_ACCESS);
        }
        return Privilege.parse(v).map(Privilege::code);
    }
}
