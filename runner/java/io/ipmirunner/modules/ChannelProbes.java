package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.crypto.Ipmi15AuthCode;
import io.ipmirunner.ipmi.session.IpmiVersion;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Secret;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * {@code channel_security probe=true}: proof by login attempt, stronger than what the BMC lists. Each probe is a
 * fresh, unshared session that must carry a Get Device ID to count as accepted. None sends the real password:
 * the suite 0 and auth type none probes use a random wrong one (an accepted login then proves the BMC checks no
 * password), the anonymous probe a null user with a null password. On BMCs that lock users out after bad
 * passwords, the two wrong-password probes may count as failed attempts of the run's user.
 */
final class ChannelProbes {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ChannelProbes() {}

    /** Probe name to {@code accepted} or {@code refused}, with the refusal's reason under {@code NAME_detail}. */
    static Map<String, Object> run(Bmc s) {
        Map<String, Object> r = new LinkedHashMap<>();
        Secret wrong = wrongPassword();
        // IPMI v2.0 §13.28: suite 0 is RAKP-none: the BMC cannot check the password it never sees.
        probe(r, "cipher_0_wrong_password", s, c -> new SessionConfig(c.username(), wrong, c.kg(), Privilege.USER,
                false, OptionalInt.of(0), IpmiVersion.V20, c.nameOnlyLookup(), OptionalInt.empty(), c.workarounds()));
        // IPMI v2.0 §6.9.1: the anonymous user is user 1, null name and null password.
        probe(r, "anonymous_login", s, c -> new SessionConfig("", Secret.empty(), c.kg(), Privilege.USER, false,
                c.cipherSuite(), IpmiVersion.AUTO, c.nameOnlyLookup(), OptionalInt.empty(), c.workarounds()));
        // IPMI v2.0 §22.13: authentication type "none" on a v1.5 session carries no password at all.
        probe(r, "v15_auth_none_wrong_password", s, c -> new SessionConfig(c.username(), wrong, c.kg(),
                Privilege.USER, false, OptionalInt.empty(), IpmiVersion.V15, c.nameOnlyLookup(),
                OptionalInt.of(Ipmi15AuthCode.NONE), c.workarounds()));
        return r;
    }

    private static void probe(Map<String, Object> r, String name, Bmc s, UnaryOperator<SessionConfig> how) {
        try (Bmc fresh = s.loginWith(how)) {
            fresh.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE);
            r.put(name, "accepted");
        } catch (IpmiException e) {
            r.put(name, "refused");
            r.put(name + "_detail", e.getMessage());
        }
    }

    /** What the probes proved, as findings in the module's wording. */
    static List<String> findings(Map<String, Object> probes) {
        List<String> f = new ArrayList<>();
        if ("accepted".equals(probes.get("cipher_0_wrong_password"))) {
            f.add("cipher suite 0 logged in with a wrong password (probe)");
        }
        if ("accepted".equals(probes.get("anonymous_login"))) {
            f.add("a null user with a null password logged in (probe)");
        }
        if ("accepted".equals(probes.get("v15_auth_none_wrong_password"))) {
            f.add("IPMI v1.5 auth type none logged in with a wrong password (probe)");
        }
        return f;
    }

    private static Secret wrongPassword() {
        byte[] b = new byte[16];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ('a' + RANDOM.nextInt(26));
        }
        return Secret.of(b, "probe");
    }
}
