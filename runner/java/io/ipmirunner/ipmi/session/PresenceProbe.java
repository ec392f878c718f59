package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.LanPacket;

/**
 * A question a BMC answers outside any session: Get Channel Authentication Capabilities (IPMI v2.0 §22.13),
 * in v1.5 framing with session id 0, as every login starts. An answer proves the BMC is up whatever it
 * thinks of our session; no credentials go out.
 */
public final class PresenceProbe {
    private PresenceProbe() {}

    public static byte[] request(int rqSeq) {
        var req = new ChannelAuthCapabilities.Request(ChannelAuthCapabilities.CURRENT_CHANNEL, false,
                Privilege.USER.code());
        return PreSession.v15(Commands.GET_CHANNEL_AUTH_CAPABILITIES, req, rqSeq);
    }

    /** Whether {@code packet} answers the probe sent with {@code rqSeq}, whatever its completion code. */
    public static boolean answers(LanPacket packet, int rqSeq) {
        return PreSession.response(packet, Commands.GET_CHANNEL_AUTH_CAPABILITIES, rqSeq) != null;
    }

    /** The IPMI response a packet outside any session carries, or null. */
    public static IpmiResponse sessionless(LanPacket packet) {
        return PreSession.response(packet);
    }
}
