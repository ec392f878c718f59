package io.ipmirunner.ipmi.wire;

/**
 * RMCP header (IPMI v2.0 §13.1.3, Table 13-1): version 0x06, reserved, sequence number, class of message.
 * IPMI traffic uses sequence 0xFF ("no RMCP ACK") and class 0x07; ASF presence ping/pong uses class 0x06.
 */
public final class Rmcp {
    public static final int VERSION_1_0 = 0x06;
    public static final int NO_ACK_SEQUENCE = 0xFF;
    public static final int CLASS_ASF = 0x06;
    public static final int CLASS_IPMI = 0x07;
    public static final int HEADER_LENGTH = 4;
    public static final int PORT = 623;

    private Rmcp() {}

    public static void writeHeader(ByteWriter w, int messageClass) {
        w.u8(VERSION_1_0).u8(0).u8(NO_ACK_SEQUENCE).u8(messageClass);
    }

    /** Reads the header and returns the class of message (bit 7, the ACK flag, cleared). */
    public static int readHeader(ByteReader r) throws MalformedPacketException {
        int version = r.u8();
        if (version != VERSION_1_0) {
            throw new MalformedPacketException("RMCP version " + hex(version));
        }
        r.skip(2);
        return r.u8() & 0x7F;
    }

    static String hex(int b) {
        return String.format("0x%02x", b);
    }
}
