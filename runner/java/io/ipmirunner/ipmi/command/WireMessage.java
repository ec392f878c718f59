package io.ipmirunner.ipmi.command;

import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/** The data part of a request or a successful response; the completion code is carried separately. */
public interface WireMessage {
    void encode(ByteWriter w);

    default byte[] toBytes() {
        ByteWriter w = new ByteWriter();
        encode(w);
        return w.toByteArray();
    }

    @FunctionalInterface
    interface Decoder<T> {
        T decode(ByteReader r) throws MalformedPacketException;
    }

    /** A request or response with no data bytes. */
    record Empty() implements WireMessage {
        public static final Empty INSTANCE = new Empty();

        @Override
        public void encode(ByteWriter w) {
            // no data bytes
        }

        public static Empty decode(ByteReader r) {
            return INSTANCE;
        }
    }
}
