package io.ipmirunner.ipmi.wire;

/**
 * RMCP+ Open Session Request (IPMI v2.0 §13.17, Table 13-9). Each algorithm is proposed in an
 * 8-byte payload record: type (0 auth, 1 integrity, 2 confidentiality), reserved (2), length 0x08,
 * algorithm, reserved (3).
 */
public record OpenSessionRequest(int messageTag, int requestedMaxPrivilege, int remoteConsoleSessionId,
                                 int authAlgorithm, int integrityAlgorithm, int confidentialityAlgorithm) {
    public byte[] encode() {
        ByteWriter w = new ByteWriter(32);
        w.u8(messageTag).u8(requestedMaxPrivilege).u16(0).u32(remoteConsoleSessionId);
        AlgorithmRecord.write(w, 0, authAlgorithm);
        AlgorithmRecord.write(w, 1, integrityAlgorithm);
        AlgorithmRecord.write(w, 2, confidentialityAlgorithm);
        return w.toByteArray();
    }

    public static OpenSessionRequest decode(byte[] payload) throws MalformedPacketException {
        ByteReader r = new ByteReader(payload);
        int tag = r.u8();
        int priv = r.u8() & 0x0F;
        r.skip(2);
        int sid = r.u32();
        int auth = AlgorithmRecord.read(r, 0);
        int integ = AlgorithmRecord.read(r, 1);
        int conf = AlgorithmRecord.read(r, 2);
        return new OpenSessionRequest(tag, priv, sid, auth, integ, conf);
    }
}
