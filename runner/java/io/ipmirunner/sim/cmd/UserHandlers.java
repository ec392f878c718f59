package io.ipmirunner.sim.cmd;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.command.app.UserAccess;
import io.ipmirunner.ipmi.command.app.UserSetup;
import io.ipmirunner.sim.fault.Quirk;
import io.ipmirunner.sim.model.SimUser;
import io.ipmirunner.sim.model.UserTable;
import java.nio.charset.StandardCharsets;

/**
 * The user commands (IPMI v2.0 §22.26-22.30) over the BMC's own user table: what is set here is what the
 * next login checks. Slots without a user read as the spec's defaults: no name, disabled, no access.
 */
final class UserHandlers {
    /** Get User Access byte 2 bits 7:6. */
    private static final int ENABLED = 1;
    private static final int DISABLED = 2;

    private UserHandlers() {}

    private static SimUser user(CommandContext c, int id) {
        return c.bmc().users().byId(id).orElseGet(() -> SimUser.empty(id));
    }

    private static boolean validId(int id) {
        return id >= 1 && id <= AppHandlers.MAX_USERS;
    }

    static Answer getAccess(CommandContext c, UserAccess.Request q) {
        if (!AppHandlers.lan(q.channel()) || !validId(q.userId())) {
            return Answer.INVALID_FIELD;
        }
        UserTable t = c.bmc().users();
        int enabled = (int) t.all().stream().filter(SimUser::enabled).count();
        SimUser u = user(c, q.userId());
        return Answer.ok(new UserAccess.Response(AppHandlers.MAX_USERS, enabled,
                u.enabled() ? ENABLED : DISABLED, 1, u.messaging(),
                u.lanAccess() ? u.limit().code() : UserAccess.NO_ACCESS));
    }

    static Answer getName(CommandContext c, UserAccess.NameRequest q) {
        if (!validId(q.userId())) {
            return Answer.INVALID_FIELD;
        }
        return Answer.ok(new UserAccess.Name(user(c, q.userId()).name()));
    }

    /** User 1 is the anonymous user, whose name stays null (§22.28: "fixed names"). */
    static Answer setName(CommandContext c, UserSetup.SetName q) {
        if (!validId(q.userId()) || q.userId() == 1 || q.name().getBytes(StandardCharsets.UTF_8).length > 16) {
            return Answer.INVALID_FIELD;
        }
        c.bmc().putUser(user(c, q.userId()).withName(q.name()));
        return Answer.OK;
    }

    static Answer setAccess(CommandContext c, UserSetup.SetAccess q) {
        if (!AppHandlers.lan(q.channel()) || !validId(q.userId())) {
            return Answer.INVALID_FIELD;
        }
        SimUser u = user(c, q.userId());
        // Byte 1 bits 6:4 apply only with bit 7 set; the privilege limit always applies.
        boolean messaging = q.changeFlags() ? q.ipmiMessaging() : u.messaging();
        if (q.privilegeLimit() == UserAccess.NO_ACCESS) {
            c.bmc().putUser(u.withAccess(u.limit(), false, messaging));
            return Answer.OK;
        }
        var limit = Privilege.fromCode(q.privilegeLimit());
        if (limit.isEmpty() || limit.get() == Privilege.OEM) {
            return Answer.INVALID_FIELD;
        }
        c.bmc().putUser(u.withAccess(limit.get(), true, messaging));
        return Answer.OK;
    }

    /**
     * Set User Password (§22.30): enable, disable, set, or test. A test in the 16-byte form of a password
     * stored longer than 16 bytes answers 0x81 (wrong size), a mismatch 0x80. With the ignores-set-password
     * quirk a set answers success and keeps the old password.
     */
    static Answer setPassword(CommandContext c, UserSetup.SetPassword q) {
        if (!validId(q.userId())) {
            return Answer.INVALID_FIELD;
        }
        SimUser u = user(c, q.userId());
        return switch (q.operation()) {
            case DISABLE_USER -> put(c, u.withEnabled(false));
            case ENABLE_USER -> put(c, u.withEnabled(true));
            case SET_PASSWORD -> c.bmc().profile().faults().has(Quirk.IGNORES_SET_PASSWORD) ? Answer.OK
                    : put(c, u.withPassword(q.password()));
            case TEST_PASSWORD -> {
                if (!q.twentyBytes() && u.password().length() > UserSetup.PASSWORD_16) {
                    yield Answer.code(UserSetup.CC_WRONG_PASSWORD_SIZE);
                }
                yield u.password().equals(q.password()) ? Answer.OK : Answer.code(UserSetup.CC_PASSWORD_MISMATCH);
            }
        };
    }

    private static Answer put(CommandContext c, SimUser u) {
        c.bmc().putUser(u);
        return Answer.OK;
    }
}
