package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.command.Privilege;

/** What a login state machine asks its driver to do next. */
public sealed interface Step {
    /** Send this datagram now and (re)arm the retransmission timer. */
    record Send(byte[] datagram) implements Step {}

    /** Send this datagram after a pause: the BMC said it is busy or out of session slots. */
    record SendLater(byte[] datagram, long delayMillis) implements Step {}

    /** The packet was not for this exchange (stale tag, other session): keep waiting. */
    record Wait(String reason) implements Step {}

    /**
     * This machine's part is done and the login goes on in {@code next}, which the driver starts and talks to
     * from now on: Get Channel Authentication Capabilities chose RMCP+ or v1.5. The login's state is then the
     * one machine the driver holds, never a machine inside another.
     */
    record Handover(Login next) implements Step {}

    /**
     * The session is open at User level (IPMI v2.0 §22.18) and must reach {@code privilege}: the driver asks
     * for it with Set Session Privilege Level inside the session ({@link SetPrivilege}), numbered and timed
     * like every request of the session, and the login awaits {@link Awaiting#PRIVILEGE} until it is answered.
     */
    record RaisePrivilege(ActiveSession session, Privilege privilege) implements Step {}

    record Established(ActiveSession session) implements Step {}

    /** Login failed; {@code openSession} is non-null when the BMC holds a session that must be closed. */
    record Failed(IpmiException failure, ActiveSession openSession) implements Step {}
}
