package io.ipmirunner.modules;

import io.ipmirunner.ipmi.command.app.UserSetup;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.util.BoundedRead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code user} module's arguments. The password is named, never given: {@code password_file} (its
 * content without the trailing newline, as inventories read password files) or {@code password_var} (a host
 * variable holding a secret, e.g. one whose name ends in "password", or a vault value). It is read when the
 * arguments are bound to a host, so a file that is not there fails before any BMC is touched.
 */
record UserArgs(int id, String name, Path passwordFile, String passwordVar, Secret boundPassword, Integer privilege,
                Boolean enabled, Integer channel, int passwordSize) {
    private static final Set<String> KEYS = Set.of("id", "name", "password_file", "password_var", "privilege",
            "enabled", "channel", "password_size");
    private static final int MAX_USER_ID = 63;

    static UserArgs parse(Map<String, String> args) throws ModuleArgumentException {
        if (args.containsKey("password")) {
            throw new ModuleArgumentException("user: give the password as password_file= or password_var=, never "
                    + "in the task");
        }
        for (String k : args.keySet()) {
            if (!KEYS.contains(k)) {
                throw new ModuleArgumentException("user: unknown argument '" + k + "' (id, name, password_file, "
                        + "password_var, privilege, enabled, channel, password_size)");
            }
        }
        int id = id(args.get("id"));
        String name = args.get("name");
        if (name != null && name.getBytes(StandardCharsets.UTF_8).length > 16) {
            throw new ModuleArgumentException("user: name is at most 16 bytes, got " + name.length() + " characters");
        }
        if (args.containsKey("password_file") && args.containsKey("password_var")) {
            throw new ModuleArgumentException("user: give password_file or password_var, not both");
        }
        Integer privilege = null;
        if (args.containsKey("privilege")) {
            privilege = UserState.parsePrivilege(args.get("privilege")).orElseThrow(() -> new ModuleArgumentException(
                    "user: privilege must be callback|user|operator|administrator|oem|no_access, got '"
                            + args.get("privilege") + "'"));
        }
        Boolean enabled = null;
        if (args.containsKey("enabled")) {
            String v = args.get("enabled");
            if (!v.equals("true") && !v.equals("false")) {
                throw new ModuleArgumentException("user: enabled must be true or false, got '" + v + "'");
            }
            enabled = Boolean.parseBoolean(v);
        }
        int size = 0;
        if (args.containsKey("password_size")) {
            size = switch (args.get("password_size")) {
                case "16" -> UserSetup.PASSWORD_16;
                case "20" -> UserSetup.PASSWORD_20;
                default -> throw new ModuleArgumentException("user: password_size must be 16 or 20, got '"
                        + args.get("password_size") + "'");
            };
        }
        Path file = args.containsKey("password_file") ? Path.of(args.get("password_file")) : null;
        return new UserArgs(id, name, file, args.get("password_var"), null, privilege, enabled,
                LanChannels.parse("user", args.get("channel")), size);
    }

    private static int id(String v) throws ModuleArgumentException {
        if (v == null) {
            throw new ModuleArgumentException("user: id=N is required (1.." + MAX_USER_ID + ")");
        }
        try {
            int id = Integer.parseInt(v);
            if (id >= 1 && id <= MAX_USER_ID) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ModuleArgumentException("user: id must be 1.." + MAX_USER_ID + ", got '" + v + "'");
    }

    /** Reads the password file or looks the variable up; the result holds the secret. */
    UserArgs bind(Map<String, Object> hostVars) throws ModuleArgumentException {
        Secret s;
        if (passwordFile != null) {
            try {
                byte[] raw = BoundedRead.bytes(passwordFile, BoundedRead.SECRET);
                int n = raw.length;
                while (n > 0 && (raw[n - 1] == '\n' || raw[n - 1] == '\r')) {
                    n--;
                }
                s = Secret.of(Arrays.copyOf(raw, n), "file " + passwordFile);
                Arrays.fill(raw, (byte) 0);
            } catch (IOException e) {
                throw new ModuleArgumentException("user: password_file cannot be read: "
                        + BoundedRead.problem(passwordFile, e));
            }
        } else if (passwordVar != null) {
            s = switch (hostVars.get(passwordVar)) {
                case Secret secret -> secret;
                case null -> throw new ModuleArgumentException("user: password_var '" + passwordVar + "' is not a "
                        + "variable of this host" + (hostVars.isEmpty() ? " (exec has no host variables: use "
                        + "password_file)" : ""));
                default -> throw new ModuleArgumentException("user: password_var '" + passwordVar + "' does not hold "
                        + "a secret (name it ...password or ..._secret)");
            };
        } else {
            return this;
        }
        if (s.length() > UserSetup.PASSWORD_20 || passwordSize == UserSetup.PASSWORD_16
                && s.length() > UserSetup.PASSWORD_16) {
            throw new ModuleArgumentException("user: the password from " + s.label() + " is " + s.length()
                    + " bytes; IPMI allows " + (passwordSize == UserSetup.PASSWORD_16 ? 16 : 20));
        }
        return new UserArgs(id, name, passwordFile, passwordVar, s, privilege, enabled, channel, passwordSize);
    }

    /** Empty when no password was asked for; a named but unbound password is a programming error. */
    Optional<Secret> password() {
        if (boundPassword == null && (passwordFile != null || passwordVar != null)) {
            throw new IllegalStateException("user: password arguments used before bind()");
        }
        return Optional.ofNullable(boundPassword);
    }
}
