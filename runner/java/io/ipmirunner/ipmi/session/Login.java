package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.wire.LanPacket;
import java.util.List;

/**
 * A pure login state machine: it is told of packets, retransmission timeouts and deadlines, and answers
 * with the next {@link Step}. It never reads a clock nor touches a socket, so every path is testable with
 * recorded bytes; the engine's driver does the I/O and timing.
 */
public sealed interface Login permits DiscoveryLogin, RmcpPlusLogin, V15Login {
    /** Why a session id of 0 from the BMC is refused, whichever protocol gave it. */
    String SESSION_ID_ZERO = "the BMC gave session id 0, which is reserved for messages outside a session";

    Step start();

    Step onPacket(LanPacket packet);

    /** The retransmission timer fired with no answer. */
    Step onTimeout();

    /**
     * The login ran out of time in this phase, {@code waitedMillis} after it started and {@code attempts}
     * datagrams in all; {@code heard} says whether the BMC ever sent a reply that could be used.
     */
    Step onDeadline(long waitedMillis, int attempts, boolean heard);

    /** What the login waits for now; {@code awaiting().phase()} is what a failure here is labelled. */
    Awaiting awaiting();

    /**
     * The login is given up before its end (the run was aborted): handshakes it holds open are given up too,
     * and {@link #releases} then returns what frees them on the BMC, as after a failure.
     */
    default void abandon() {
    }

    /**
     * Datagrams to send once, unanswered, since the last call: they let the BMC free the session slots of
     * handshakes this login gave up ({@link AbandonedHandshakes#release}).
     */
    default List<byte[]> releases() {
        return List.of();
    }

    /**
     * Whether the packet just handled answered a request sent before the current one (an earlier login
     * attempt): its round trip says nothing of how long the current request takes.
     */
    default boolean lastAnswerLate() {
        return false;
    }
}
