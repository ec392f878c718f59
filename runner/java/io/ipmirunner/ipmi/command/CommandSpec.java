package io.ipmirunner.ipmi.command;

import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/**
 * One IPMI command: its name, network function, command code, the minimum privilege the specification
 * assigns it (Appendix G), how its request and response data are laid out, and whether executing it twice
 * does the same as once. The same spec serves the client (encode request, decode response) and the
 * simulator (decode request, encode response).
 *
 * <p>{@code idempotent} is false for a command that changes state so that a second execution is a second
 * action (a second reset, a cycle restarted): the engine never resends it blindly (see
 * {@code io.ipmirunner.ipmi.session.ArrivalLedger}). A command that sets a value (a password, boot flags, a
 * LAN parameter) stays idempotent: executed twice, it leaves the BMC as once, so it is resent like a read.
 */
public record CommandSpec<Q extends WireMessage, S extends WireMessage>(
        String name, int netFn, int cmd, Privilege minPrivilege,
        WireMessage.Decoder<Q> requestDecoder, WireMessage.Decoder<S> responseDecoder, boolean idempotent) {

    public CommandSpec(String name, int netFn, int cmd, Privilege minPrivilege,
                       WireMessage.Decoder<Q> requestDecoder, WireMessage.Decoder<S> responseDecoder) {
        this(name, netFn, cmd, minPrivilege, requestDecoder, responseDecoder, true);
    }

    /** The same command, marked as one that must not run twice for one request. */
    public CommandSpec<Q, S> nonIdempotent() {
        return new CommandSpec<>(name, netFn, cmd, minPrivilege, requestDecoder, responseDecoder, false);
    }

    public Q decodeRequest(byte[] data) throws MalformedPacketException {
        return requestDecoder.decode(new ByteReader(data));
    }

    /**
     * The response data read by this command's layout: fixed fields, optional fields the specification
     * lists, or a variable tail it documents (parameter data, record bytes). Bytes the layout leaves over are
     * a protocol error, never data: a reply with something appended is as little to be trusted as a
     * truncated one, and read leniently it decodes into plausible garbage.
     */
    public S decodeResponse(byte[] data) throws MalformedPacketException {
        ByteReader r = new ByteReader(data);
        S response = responseDecoder.decode(r);
        if (r.hasRemaining()) {
            throw new MalformedPacketException("%d bytes past the end of its %d-byte layout".formatted(r.remaining(),
                    r.position()));
        }
        return response;
    }

    public boolean matches(int requestNetFn, int command) {
        return netFn == requestNetFn && cmd == command;
    }

    @Override
    public String toString() {
        return String.format("%s (netFn 0x%02x cmd 0x%02x)", name, netFn, cmd);
    }
}
