package io.ipmirunner.ipmi.command.app;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/** Get Device GUID / Get System GUID response (IPMI v2.0 §20.8, §22.14): 16 bytes, least significant first. */
public record Guid(byte[] bytes) implements WireMessage {
    public static final int LENGTH = 16;

    public Guid {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a GUID is 16 bytes");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public void encode(ByteWriter w) {
        w.bytes(bytes);
    }

    public static Guid decode(ByteReader r) throws MalformedPacketException {
        return new Guid(r.bytes(LENGTH));
    }
}
