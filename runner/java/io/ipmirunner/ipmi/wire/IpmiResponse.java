package io.ipmirunner.ipmi.wire;

/**
 * An IPMI response message (IPMI v2.0 §13.8): the completion code is the first body byte. A reply with a
 * non-zero code may be shorter than the command's success layout, so the code is separate from the data
 * and is checked before the data is parsed.
 */
public record IpmiResponse(int rqAddr, int netFn, int rqLun, int rsAddr, int rqSeq, int rsLun, int cmd,
                           CompletionCode completionCode, byte[] data) {
    public IpmiResponse {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public byte[] encode() {
        byte[] body = new byte[data.length + 1];
        body[0] = (byte) completionCode.code();
        System.arraycopy(data, 0, body, 1, data.length);
        return new IpmiFrame(rqAddr, netFn, rqLun, rsAddr, rqSeq, rsLun, cmd, body).encode();
    }

    public static IpmiResponse decode(byte[] msg) throws MalformedPacketException {
        return decode(IpmiFrame.decode(msg, true));
    }

    /**
     * A response whose packet's AuthCode was verified: the HMAC covers every byte of the message, so its two
     * checksums (§13.8) add nothing and are not checked. Some BMCs compute them wrong on otherwise valid
     * replies (Supermicro X9; FreeIPMI needs {@code -W nochecksumcheck} for them); ipmi-runner copes unasked,
     * and only where the AuthCode vouches for the message.
     */
    public static IpmiResponse decodeAuthenticated(byte[] msg) throws MalformedPacketException {
        return decode(IpmiFrame.decode(msg, false));
    }

    private static IpmiResponse decode(IpmiFrame f) throws MalformedPacketException {
        if ((f.netFn() & 1) == 0) {
            throw new MalformedPacketException("request netFn in a response");
        }
        byte[] body = f.body();
        if (body.length < 1) {
            throw new MalformedPacketException("response without completion code");
        }
        byte[] data = java.util.Arrays.copyOfRange(body, 1, body.length);
        return new IpmiResponse(f.addr1(), f.netFn(), f.lun1(), f.addr2(), f.seq(), f.lun2(), f.cmd(),
                CompletionCode.of(body[0] & 0xFF), data);
    }

    /** Whether this answers the given request (netFn, command and sequence number). */
    public boolean answers(int requestNetFn, int requestCmd, int requestSeq) {
        return netFn == (requestNetFn | 1) && cmd == requestCmd && rqSeq == (requestSeq & 0x3F);
    }
}
