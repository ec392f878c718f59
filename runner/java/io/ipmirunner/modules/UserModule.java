package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.app.UserAccess;
import io.ipmirunner.ipmi.command.app.UserSetup;
import io.ipmirunner.secret.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code user id=N [name=] [password_file=|password_var=] [privilege=] [enabled=] [channel=] [password_size=]}:
 * one user made as asked. Name and privilege are compared first and set only when they differ, then read back.
 * A password cannot be read, so it is compared with "test password" ({@link UserPassword}); when it was set it
 * is proven by logging in afresh with it ({@code verified}). The password itself never reaches the
 * arguments, the result or a log: it comes from a file or from a host variable holding a secret.
 */
public final class UserModule implements CheckableModule<UserArgs>, HostBoundModule<UserArgs> {
    @Override
    public String name() {
        return "user";
    }

    /** A changed password, privilege or enable bit locks people and tools out of the BMC. */
    @Override
    public boolean destructive(Map<String, String> args) {
        return args.keySet().stream().anyMatch(k -> !k.equals("id"));
    }

    @Override
    public UserArgs validate(Map<String, String> args) throws ModuleArgumentException {
        return UserArgs.parse(args);
    }

    @Override
    public UserArgs bind(UserArgs args, Map<String, Object> hostVars) throws ModuleArgumentException {
        return args.bind(hostVars);
    }

    @Override
    public ModuleResult run(Bmc bmc, UserArgs args) throws IpmiException, InterruptedException {
        return apply(bmc, args, false);
    }

    @Override
    public ModuleResult check(Bmc bmc, UserArgs args) throws IpmiException, InterruptedException {
        return apply(bmc, args, true);
    }

    private static ModuleResult apply(Bmc s, UserArgs a, boolean dryRun)
            throws IpmiException, InterruptedException {
        int ch = LanChannels.pick(s, a.channel());
        UserState before = UserState.read(s, ch, a.id());
        List<String> changes = new ArrayList<>();
        if (a.name() != null && !a.name().equals(before.name())) {
            changes.add("name");
            if (!dryRun) {
                s.send(Commands.SET_USER_NAME, new UserSetup.SetName(a.id(), a.name()));
            }
        }
        if (a.privilege() != null && a.privilege() != before.privilege()) {
            changes.add("privilege");
            if (!dryRun) {
                s.send(Commands.SET_USER_ACCESS, new UserSetup.SetAccess(ch, true, false, false,
                        a.privilege() != UserAccess.NO_ACCESS, a.id(), a.privilege()));
            }
        }
        boolean enableUnknown = false;
        if (a.enabled() != null && !before.enabled().equals(Optional.of(a.enabled()))) {
            // When the BMC does not report the state, send it anyway and judge by the enabled-user count.
            enableUnknown = before.enabled().isEmpty();
            if (!enableUnknown) {
                changes.add("enabled");
            }
            if (!dryRun) {
                s.send(Commands.SET_USER_PASSWORD, UserSetup.SetPassword.of(a.id(), a.enabled()
                        ? UserSetup.Operation.ENABLE_USER : UserSetup.Operation.DISABLE_USER));
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        Secret password = a.password().orElse(null);
        if (password != null) {
            boolean twenty = UserPassword.twentyBytes(password, a.passwordSize());
            UserPassword.Comparison c = UserPassword.compare(s, a.id(), password, twenty);
            r.put("password_test", c.name().toLowerCase(Locale.ROOT));
            if (c != UserPassword.Comparison.MATCHES) {
                changes.add("password");
                if (!dryRun) {
                    UserPassword.set(s, a.id(), password, twenty);
                }
            }
        }
        UserState after = dryRun ? before : UserState.read(s, ch, a.id());
        if (enableUnknown && (dryRun || after.enabledUsers() != before.enabledUsers())) {
            changes.add("enabled");
        }
        r.putAll(after.toMap());
        r.put("channel", ch);
        r.put("changes", changes);
        if (dryRun) {
            r.put("check_mode", true);
            return new ModuleResult(!changes.isEmpty(), r);
        }
        List<String> notKept = notKept(a, after);
        if (!notKept.isEmpty()) {
            r.put("not_kept", notKept);
        }
        if (password != null) {
            verify(s, a, after, password, r);
        }
        return new ModuleResult(!changes.isEmpty(), r);
    }

    /** A disabled user cannot log in, so its new password is not tried: {@code verified} stays null. */
    private static void verify(Bmc s, UserArgs a, UserState after, Secret password, Map<String, Object> r)
            throws InterruptedException {
        boolean enabled = after.enabled().orElse(a.enabled() == null || a.enabled());
        if (!enabled) {
            r.put("verified", null);
            r.put("verify_skipped", "the user is disabled");
            return;
        }
        String failure = UserPassword.login(s, after.name(), password);
        r.put("verified", failure == null);
        if (failure != null) {
            r.put("verify_error", failure);
        }
    }

    private static List<String> notKept(UserArgs a, UserState after) {
        List<String> m = new ArrayList<>();
        if (a.name() != null && !a.name().equals(after.name())) {
            m.add("name");
        }
        if (a.privilege() != null && a.privilege() != after.privilege()) {
            m.add("privilege");
        }
        if (a.enabled() != null && after.enabled().isPresent() && after.enabled().get() != a.enabled()) {
            m.add("enabled");
        }
        return m;
    }
}
