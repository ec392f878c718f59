package io.ipmirunner.sim;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.crypto.Ipmi15AuthCode;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Quirk;
import io.ipmirunner.sim.model.Personality;
import io.ipmirunner.sim.model.SdrRepository;
import io.ipmirunner.sim.model.SimUser;
import io.ipmirunner.sim.model.SolSettings;
import io.ipmirunner.sim.model.UserTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a group of simulated BMCs has in common; one instance is shared by the whole group, so a BMC
 * itself only keeps what changes (power, boot flags, SEL, sessions).
 */
public record BmcProfile(Personality personality, UserTable users, BmcSettings settings, FaultProfile faults,
                         SdrRepository sdr) {
    public BmcProfile(Personality personality, UserTable users, BmcSettings settings, FaultProfile faults) {
        this(personality, users, settings, faults, SdrRepository.STANDARD);
    }

    /**
     * The RMCP+ suites offered after quirks: none for a v1.5-only BMC, only 3 for a suite-3-only one, suite 0
     * first for an insecure one.
     */
    public List<Integer> cipherSuites() {
        if (faults.has(Quirk.IPMI_15_ONLY)) {
            return List.of();
        }
        if (faults.has(Quirk.SUITE_3_ONLY)) {
            return List.of(3);
        }
        if (faults.has(Quirk.INSECURE_AUTH) && !settings.cipherSuites().contains(0)) {
            List<Integer> out = new ArrayList<>(List.of(0));
            out.addAll(settings.cipherSuites());
            return List.copyOf(out);
        }
        return settings.cipherSuites();
    }

    /** IPMI v1.5 auth types enabled (bit n = type n); an insecure BMC adds none, MD2 and straight password. */
    public int v15AuthTypes() {
        int insecure = 1 << Ipmi15AuthCode.NONE | 1 << Ipmi15AuthCode.MD2 | 1 << Ipmi15AuthCode.STRAIGHT;
        return settings.v15AuthTypes() | (faults.has(Quirk.INSECURE_AUTH) ? insecure : 0);
    }

    /** The users a BMC starts with: an insecure one has the anonymous user (id 1) enabled at user level. */
    public UserTable initialUsers() {
        if (!faults.has(Quirk.INSECURE_AUTH)) {
            return users;
        }
        return users.with(new SimUser(1, "", Secret.empty(), Privilege.USER, true));
    }

    /** SOL as a BMC starts with: hardened, or on an insecure one in the clear and open to user-level accounts. */
    public SolSettings initialSol() {
        return faults.has(Quirk.INSECURE_AUTH) ? new SolSettings(true, false, false, Privilege.USER)
                : SolSettings.DEFAULT;
    }

    public boolean rmcpPlus() {
        return !faults.has(Quirk.IPMI_15_ONLY);
    }

    /** IPMI v1.5 auth types allowed for a session; "none" only on an insecure BMC. */
    public boolean allowsV15(int authType) {
        return authType < 8 && (v15AuthTypes() & 1 << authType) != 0
                && (authType != Ipmi15AuthCode.NONE || faults.has(Quirk.INSECURE_AUTH));
    }

    public BmcProfile withFaults(FaultProfile f) {
        return new BmcProfile(personality, users, settings, f, sdr);
    }
}
