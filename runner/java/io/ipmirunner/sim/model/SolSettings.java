package io.ipmirunner.sim.model;

import io.ipmirunner.ipmi.command.Privilege;

/**
 * The simulated BMC's SOL configuration (IPMI v2.0 §26.3, Table 26-5, parameters 1 and 2), reported by Get SOL
 * Configuration Parameters and enforced by Activate Payload: disabled is 0x81, an activation without encryption
 * while encryption is forced is 0x84, a session below the privilege is 0xD4. Forced authentication is reported
 * only: §24.1 has no completion code for it.
 */
public record SolSettings(boolean enabled, boolean forceEncryption, boolean forceAuthentication, Privilege privilege) {
    /** What the simulated rack's audit expects of a hardened BMC. */
    public static final SolSettings DEFAULT = new SolSettings(true, true, true, Privilege.ADMINISTRATOR);
}
