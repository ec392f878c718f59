package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.Phase;

/**
 * What a login waits for: the state of a login machine, named after the BMC's answer that moves it on.
 * Kept apart from {@link Phase}, the label a failure carries: a state says what comes next, a phase says
 * to the operator which exchange broke. Each state maps to the phase of the request it awaits an answer to.
 */
public enum Awaiting {
    /** Get Channel Authentication Capabilities' reply (IPMI v2.0 §22.13). */
    AUTH_CAPABILITIES(Phase.DISCOVERY),
    /** RMCP+ Open Session Response (§13.18). */
    OPEN_SESSION_RESPONSE(Phase.OPEN_SESSION),
    /** RAKP Message 2 (§13.21), the BMC's proof of the password. */
    RAKP_2(Phase.RAKP_1),
    /** RAKP Message 4 (§13.23), the BMC's integrity check value. */
    RAKP_4(Phase.RAKP_3),
    /** Get Session Challenge's reply (§22.16), v1.5. */
    CHALLENGE(Phase.CHALLENGE),
    /** Activate Session's reply (§22.17), v1.5. */
    ACTIVATION(Phase.ACTIVATE),
    /** Set Session Privilege Level's reply (§22.18), inside the new session. */
    PRIVILEGE(Phase.SET_PRIVILEGE);

    private final Phase phase;

    Awaiting(Phase phase) {
        this.phase = phase;
    }

    /** The exchange this state waits in, as failures and the per-step timers name it. */
    public Phase phase() {
        return phase;
    }
}
