package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.wire.IpmiResponse;

/** What an active session makes of a received packet: a response, or a reason to drop it. */
public sealed interface Decoded {
    record Accepted(IpmiResponse response) implements Decoded {}

    record Dropped(String reason) implements Decoded {}

    /** The packet belongs to another session (or none): offer it elsewhere. */
    record NotMine() implements Decoded {}
}
