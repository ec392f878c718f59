package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.wire.LanPacket;

/** What happens to a session, as {@link SessionMachine} is told of it, with the time it happened at. */
sealed interface SessionEvent {
    /** A module asks for {@code op}; the first one starts the login. */
    record Submit(Operation op) implements SessionEvent {}

    /** A datagram from the session's BMC, parsed. */
    record Packet(LanPacket packet) implements SessionEvent {}

    /** A timer the machine armed ran out (the driver cancels a timer it re-arms, so this one is current). */
    record TimerFired(SessionTimer timer) implements SessionEvent {}

    /** A handle let go: the session closes once no handle is left and no operation waits. */
    record Release() implements SessionEvent {}

    /** Fail what waits and close now (client shutdown, Ctrl-C). */
    record Abort(IpmiException reason) implements SessionEvent {}
}
