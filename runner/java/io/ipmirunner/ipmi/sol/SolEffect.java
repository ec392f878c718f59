package io.ipmirunner.ipmi.sol;

/** What {@link SolMachine} asks its I/O edge to do. */
public sealed interface SolEffect {
    /** Send this payload in the session. */
    record Send(SolPacket packet) implements SolEffect {}

    /** Characters from the host's serial port, in order, each delivered once. */
    record Deliver(byte[] chars) implements SolEffect {}

    /** (Re)arm the one retransmission timer; a later arm replaces an earlier one. */
    record ArmTimer(long millis) implements SolEffect {}

    record CancelTimer() implements SolEffect {}

    /** Room freed in the outbound buffer: a blocked writer may go on. */
    record Drained() implements SolEffect {}

    /** The SOL link is over: the BMC deactivated it or stopped acknowledging. */
    record Ended(String reason) implements SolEffect {}
}
