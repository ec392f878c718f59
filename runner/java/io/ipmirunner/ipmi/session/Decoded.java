package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.wire.IpmiResponse;

/** What an active session makes of a received packet: a response, or a reason to drop it. */
public sealed interface Decoded {
    /**
     * A response, with the BMC's session sequence number: the BMC numbers every packet it sends in the session,
     * so gaps between the numbers received count replies that were lost (see {@link ArrivalLedger}).
     */
    record Accepted(IpmiResponse response, int sessionSeq) implements Decoded {}

    /** A payload other than IPMI messages (SOL, IPMI v2.0 §15.9), authenticated and decrypted. */
    record Payload(int payloadType, byte[] data) implements Decoded {}

    record Dropped(String reason) implements Decoded {}

    /** The packet belongs to another session (or none): offer it elsewhere. */
    record NotMine() implements Decoded {}
}
