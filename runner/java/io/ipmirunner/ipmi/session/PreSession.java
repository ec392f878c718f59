package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.command.CommandSpec;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.V15Packet;
import io.ipmirunner.ipmi.wire.V20Packet;

/**
 * Framing for requests sent outside a session (session id 0, no authentication): v1.5 framing for Get
 * Channel Authentication Capabilities and Get Session Challenge, which every BMC accepts; the reply is
 * taken in either framing.
 */
final class PreSession {
    private PreSession() {}

    static <Q extends WireMessage> byte[] v15(CommandSpec<Q, ?> spec, Q request, int rqSeq) {
        byte[] msg = IpmiRequest.toBmc(spec.netFn(), spec.cmd(), rqSeq, request.toBytes()).encode();
        return new V15Packet(V15Packet.AUTH_NONE, 0, 0, new byte[0], msg).encode();
    }

    /** The response in a sessionless packet answering {@code spec} with {@code rqSeq}, or null. */
    static IpmiResponse response(LanPacket packet, CommandSpec<?, ?> spec, int rqSeq) {
        IpmiResponse r = response(packet);
        return r != null && r.answers(spec.netFn(), spec.cmd(), rqSeq) ? r : null;
    }

    /** The response in a sessionless packet (session id 0, in either framing), or null. */
    static IpmiResponse response(LanPacket packet) {
        byte[] msg;
        if (packet instanceof V15Packet p && p.sessionId() == 0) {
            msg = p.message();
        } else if (packet instanceof V20Packet p && p.sessionId() == 0 && p.payloadType() == PayloadType.IPMI
                && !p.encrypted()) {
            msg = p.payload();
        } else {
            return null;
        }
        try {
            return IpmiResponse.decode(msg);
        } catch (MalformedPacketException e) {
            return null;
        }
    }
}
