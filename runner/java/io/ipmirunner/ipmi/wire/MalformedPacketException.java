package io.ipmirunner.ipmi.wire;

/**
 * A datagram that does not parse. Decoders throw only this, so a receive loop can drop bad input
 * with one catch and count it, instead of dying on an index or arithmetic exception.
 */
public final class MalformedPacketException extends Exception {
    public MalformedPacketException(String message) {
        super(message, null, false, false);
    }
}
