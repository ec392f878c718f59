package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.LanPacket;

/**
 * An established session: it frames outbound requests (sequence numbers, integrity, confidentiality) and
 * checks inbound packets. Pure and single-threaded: the engine's loop thread is its only caller.
 */
public sealed interface ActiveSession permits RmcpPlusSession, Ipmi15Session {
    /** The id the BMC gave the session, sent in every request we make. */
    int bmcSessionId();

    /** The id we gave the session (RMCP+), carried in every response of the BMC. */
    int consoleSessionId();

    Privilege privilege();

    /** Records the level the BMC granted in Set Session Privilege Level. */
    void privilegeGranted(Privilege p);

    /** A one-line description for logs: version, cipher suite or auth type. No secrets. */
    String describe();

    byte[] encode(IpmiRequest request);

    Decoded decode(LanPacket packet);
}
