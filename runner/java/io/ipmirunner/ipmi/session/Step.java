package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.IpmiException;

/** What a login state machine asks its driver to do next. */
public sealed interface Step {
    /** Send this datagram now and (re)arm the retransmission timer. */
    record Send(byte[] datagram) implements Step {}

    /** Send this datagram after a pause: the BMC said it is busy or out of session slots. */
    record SendLater(byte[] datagram, long delayMillis) implements Step {}

    /** The packet was not for this exchange (stale tag, other session): keep waiting. */
    record Wait(String reason) implements Step {}

    record Established(ActiveSession session) implements Step {}

    /** Login failed; {@code openSession} is non-null when the BMC holds a session that must be closed. */
    record Failed(IpmiException failure, ActiveSession openSession) implements Step {}
}
