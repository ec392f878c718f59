package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code default_credentials [list_var=NAME]}: does the BMC still accept a vendor's factory login? Tries each
 * entry of a host variable (default {@code default_bmc_credentials}), a list of {@code {label, user, password}}
 * whose passwords are held as secrets (the key {@code password} makes them so), each by a fresh, unshared login
 * and a Get Device ID. The result names accepted entries by label and user, never by password. Each refused
 * try is a failed login for that user name: on BMCs with lockout it can lock the account, so audits make this
 * check opt-in.
 */
public final class DefaultCredentialsModule implements HostBoundModule<DefaultCredentialsModule.Args> {
    private static final String DEFAULT_VAR = "default_bmc_credentials";

    record Entry(String label, String user, Secret password) {}

    record Args(String listVar, List<Entry> entries) {}

    @Override
    public String name() {
        return "default_credentials";
    }

    @Override
    public Args validate(Map<String, String> args) throws ModuleArgumentException {
        for (String k : args.keySet()) {
            if (!k.equals("list_var")) {
                throw new ModuleArgumentException("default_credentials: unknown argument '" + k + "' (list_var)");
            }
        }
        return new Args(args.getOrDefault("list_var", DEFAULT_VAR), List.of());
    }

    @Override
    public Args bind(Args args, Map<String, Object> hostVars) throws ModuleArgumentException {
        String var = args.listVar();
        if (!(hostVars.get(var) instanceof List<?> list)) {
            throw new ModuleArgumentException("default_credentials: '" + var + "' is not a list variable of this "
                    + "host ([{label, user, password}, ...])");
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = var + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m) || !Set.of("label", "user", "password").containsAll(m.keySet())) {
                throw new ModuleArgumentException("default_credentials: " + at + " must be {label, user, password}");
            }
            if (!(m.get("password") instanceof Secret password)) {
                throw new ModuleArgumentException("default_credentials: " + at + ".password is missing or not held "
                        + "as a secret");
            }
            String user = m.get("user") == null ? "" : String.valueOf(m.get("user"));
            if (user.getBytes(StandardCharsets.UTF_8).length > 16 || password.length() > 20) {
                throw new ModuleArgumentException("default_credentials: " + at + ": IPMI user names are at most 16 "
                        + "bytes, passwords at most 20");
            }
            String label = m.get("label") == null ? user : String.valueOf(m.get("label"));
            out.add(new Entry(label, user, password));
        }
        return new Args(var, List.copyOf(out));
    }

    @Override
    public ModuleResult run(Bmc bmc, Args args) {
        List<String> accepted = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        int refused = 0;
        for (Entry e : args.entries()) {
            String who = e.label() + " (" + e.user() + ")";
            try (Bmc fresh = bmc.loginAs(e.user(), e.password())) {
                fresh.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE);
                accepted.add(who);
            } catch (IpmiException.AuthenticationFailed | IpmiException.CompletionCodeError x) {
                refused++;
            } catch (IpmiException x) {
                unanswered.add(who + ": " + x.getMessage());
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("tried", args.entries().size());
        r.put("accepted", accepted);
        r.put("refused", refused);
        r.put("errors", unanswered);
        return new ModuleResult(false, r);
    }
}
