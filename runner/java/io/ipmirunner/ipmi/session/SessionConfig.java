package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a session logs in with. {@code cipherSuite} empty means "ask the BMC and take the strongest of 17
 * then 3"; {@code privilegeExplicit} false lets the login step down when the BMC refuses the role, the way
 * pyghmi does. {@code v15AuthType} empty picks the strongest the BMC allows (MD5, MD2, straight).
 * {@code workarounds}: the host's {@code ipmi_workarounds} the engine takes only when told.
 */
public record SessionConfig(String username, Secret password, Secret kg, Privilege privilege,
                            boolean privilegeExplicit, OptionalInt cipherSuite, IpmiVersion version,
                            boolean nameOnlyLookup, OptionalInt v15AuthType, Set<Workaround> workarounds) {
    public SessionConfig {
        workarounds = Set.copyOf(workarounds);
        if (username.getBytes(StandardCharsets.UTF_8).length > 16) {
            throw new IllegalArgumentException("IPMI user names are at most 16 bytes");
        }
        if (password.length() > 20) {
            throw new IllegalArgumentException("IPMI passwords are at most 20 bytes");
        }
    }

    public static SessionConfig of(String username, Secret password) {
        return new SessionConfig(username, password, Secret.empty(), Privilege.ADMINISTRATOR, false,
                OptionalInt.empty(), IpmiVersion.AUTO, true, OptionalInt.empty(), Set.of());
    }

    public SessionConfig withPrivilege(Privilege p) {
        return new SessionConfig(username, password, kg, p, true, cipherSuite, version, nameOnlyLookup, v15AuthType, workarounds);
    }

    public SessionConfig withCipherSuite(int id) {
        return new SessionConfig(username, password, kg, privilege, privilegeExplicit, OptionalInt.of(id), version,
                nameOnlyLookup, v15AuthType, workarounds);
    }

    public SessionConfig withVersion(IpmiVersion v) {
        return new SessionConfig(username, password, kg, privilege, privilegeExplicit, cipherSuite, v,
                nameOnlyLookup, v15AuthType, workarounds);
    }

    public SessionConfig withKg(Secret k) {
        return new SessionConfig(username, password, k, privilege, privilegeExplicit, cipherSuite, version,
                nameOnlyLookup, v15AuthType, workarounds);
    }

    public SessionConfig withV15AuthType(int authType) {
        return new SessionConfig(username, password, kg, privilege, privilegeExplicit, cipherSuite, version,
                nameOnlyLookup, OptionalInt.of(authType), workarounds);
    }

    public SessionConfig withWorkarounds(Set<Workaround> w) {
        return new SessionConfig(username, password, kg, privilege, privilegeExplicit, cipherSuite, version,
                nameOnlyLookup, v15AuthType, w);
    }

    public byte[] usernameBytes() {
        return username.getBytes(StandardCharsets.UTF_8);
    }
}
