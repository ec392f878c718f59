package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.wire.IpmiResponse;

/** What {@link SessionMachine} asks its driver to do; the driver does these in order and nothing else. */
sealed interface SessionEffect {
    /** Send this datagram to the BMC. */
    record Send(byte[] datagram) implements SessionEffect {}

    /** Run out {@code timer} after {@code delayMillis}, replacing an earlier arming of it. */
    record Arm(SessionTimer timer, long delayMillis) implements SessionEffect {}

    record Disarm(SessionTimer timer) implements SessionEffect {}

    /** {@code op} is answered; {@code response} null: it arrived (the BMC's numbers say so), its reply was lost. */
    record Complete(Operation op, IpmiResponse response) implements SessionEffect {}

    record Fail(Operation op, IpmiException failure) implements SessionEffect {}

    /** A payload other than IPMI messages (SOL) for the port attached to the session. */
    record Deliver(byte[] payload) implements SessionEffect {}

    /** The session ended on the BMC's side (lost, forgotten, or closed): an attached payload port is told. */
    record Ended(String reason) implements SessionEffect {}

    /** The machine is closed for good: no event changes anything any more. */
    record Closed() implements SessionEffect {}
}
