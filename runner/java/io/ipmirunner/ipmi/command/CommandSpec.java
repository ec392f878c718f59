package io.ipmirunner.ipmi.command;

import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/**
 * One IPMI command: its name, network function, command code, the minimum privilege the specification
 * assigns it (Appendix G), and how its request and response data are laid out. The same spec serves the
 * client (encode request, decode response) and the simulator (decode request, encode response).
 */
public record CommandSpec<Q extends WireMessage, S extends WireMessage>(
        String name, int netFn, int cmd, Privilege minPrivilege,
        WireMessage.Decoder<Q> requestDecoder, WireMessage.Decoder<S> responseDecoder) {

    public Q decodeRequest(byte[] data) throws MalformedPacketException {
        return requestDecoder.decode(new ByteReader(data));
    }

    public S decodeResponse(byte[] data) throws MalformedPacketException {
        return responseDecoder.decode(new ByteReader(data));
    }

    public boolean matches(int requestNetFn, int command) {
        return netFn == requestNetFn && cmd == command;
    }

    @Override
    public String toString() {
        return String.format("%s (netFn 0x%02x cmd 0x%02x)", name, netFn, cmd);
    }
}
