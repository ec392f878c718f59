package io.ipmirunner.sim;

import io.ipmirunner.ipmi.crypto.Ipmi15AuthCode;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Quirk;
import io.ipmirunner.sim.model.Personality;
import io.ipmirunner.sim.model.SdrRepository;
import io.ipmirunner.sim.model.UserTable;
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

    /** The RMCP+ suites offered after quirks: none for a v1.5-only BMC, only 3 for a suite-3-only one. */
    public List<Integer> cipherSuites() {
        if (faults.has(Quirk.IPMI_15_ONLY)) {
            return List.of();
        }
        return faults.has(Quirk.SUITE_3_ONLY) ? List.of(3) : settings.cipherSuites();
    }

    public boolean rmcpPlus() {
        return !faults.has(Quirk.IPMI_15_ONLY);
    }

    /** IPMI v1.5 auth types allowed for a session; "none" is never allowed for one. */
    public boolean allowsV15(int authType) {
        return authType != Ipmi15AuthCode.NONE && authType < 8 && (settings.v15AuthTypes() & 1 << authType) != 0;
    }

    public BmcProfile withFaults(FaultProfile f) {
        return new BmcProfile(personality, users, settings, f, sdr);
    }
}
