package io.ipmirunner.ipmi.wire;

/**
 * RMCP+ Open Session Response (IPMI v2.0 §13.18, Table 13-10). With a non-zero status a BMC may stop
 * after the remote console session id, so the rest decodes as zero then.
 */
public record OpenSessionResponse(int messageTag, RmcpPlusStatus status, int maxPrivilege,
                                  int remoteConsoleSessionId, int managedSystemSessionId,
                                  int authAlgorithm, int integrityAlgorithm, int confidentialityAlgorithm) {
    public byte[] encode() {
        ByteWriter w = new ByteWriter(36);
        w.u8(messageTag).u8(status.code()).u8(maxPrivilege).u8(0).u32(remoteConsoleSessionId);
        if (status.isOk()) {
            w.u32(managedSystemSessionId);
            AlgorithmRecord.write(w, 0, authAlgorithm);
            AlgorithmRecord.write(w, 1, integrityAlgorithm);
            AlgorithmRecord.write(w, 2, confidentialityAlgorithm);
        }
        return w.toByteArray();
    }

    public static OpenSessionResponse decode(byte[] payload) throws MalformedPacketException {
        ByteReader r = new ByteReader(payload);
        int tag = r.u8();
        RmcpPlusStatus status = RmcpPlusStatus.of(r.u8());
        if (!status.isOk() && r.remaining() < 6) {
            // Some BMCs (ipmi_sim among them) send only tag and status with an error.
            return new OpenSessionResponse(tag, status, 0, 0, 0, 0, 0, 0);
        }
        int priv = r.u8() & 0x0F;
        r.skip(1);
        int rcSid = r.u32();
        if (!status.isOk()) {
            return new OpenSessionResponse(tag, status, priv, rcSid, 0, 0, 0, 0);
        }
        int msSid = r.u32();
        int auth = AlgorithmRecord.read(r, 0);
        int integ = AlgorithmRecord.read(r, 1);
        int conf = AlgorithmRecord.read(r, 2);
        return new OpenSessionResponse(tag, status, priv, rcSid, msSid, auth, integ, conf);
    }
}
