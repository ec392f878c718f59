package io.ipmirunner.ipmi.command.app;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/** Get Self Test Results response (IPMI v2.0 §20.4, Table 20-5). */
public record SelfTestResult(int code, int detail) implements WireMessage {
    public static final int PASSED = 0x55;
    public static final int NOT_IMPLEMENTED = 0x56;
    public static final int CORRUPTED = 0x57;
    public static final int FATAL = 0x58;

    @Override
    public void encode(ByteWriter w) {
        w.u8(code).u8(detail);
    }

    public static SelfTestResult decode(ByteReader r) throws MalformedPacketException {
        int c = r.u8();
        return new SelfTestResult(c, r.hasRemaining() ? r.u8() : 0);
    }

    public String summary() {
        return switch (code) {
            case PASSED -> "passed";
            case NOT_IMPLEMENTED -> "not implemented";
            case CORRUPTED -> String.format("corrupted or inaccessible data (0x%02x)", detail);
            case FATAL -> String.format("fatal hardware error (0x%02x)", detail);
            default -> String.format("device-specific failure 0x%02x 0x%02x", code, detail);
        };
    }
}
