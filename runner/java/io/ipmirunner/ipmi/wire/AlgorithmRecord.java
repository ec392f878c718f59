package io.ipmirunner.ipmi.wire;

/** The 8-byte algorithm payload records of Open Session request and response (IPMI v2.0 §13.17-§13.18). */
final class AlgorithmRecord {
    private AlgorithmRecord() {}

    static void write(ByteWriter w, int payloadType, int algorithm) {
        w.u8(payloadType).u16(0).u8(8).u8(algorithm & 0x3F).fill(0, 3);
    }

    static int read(ByteReader r, int expectedType) throws MalformedPacketException {
        int type = r.u8();
        r.skip(2);
        int len = r.u8();
        if (type != expectedType || len != 8) {
            throw new MalformedPacketException("algorithm record type " + type + " length " + len);
        }
        int alg = r.u8() & 0x3F;
        r.skip(3);
        return alg;
    }
}
