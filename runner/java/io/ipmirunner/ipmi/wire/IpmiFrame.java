package io.ipmirunner.ipmi.wire;

/**
 * The IPMI LAN message frame shared by requests and responses (IPMI v2.0 §13.8, Table 13-8 and Figure 13-4):
 * {@code addr1, netFn<<2|lun1, checksum1, addr2, seq<<2|lun2, cmd, body..., checksum2}.
 * For a request addr1 is the responder (rsAddr), for a response it is the requester (rqAddr).
 */
record IpmiFrame(int addr1, int netFn, int lun1, int addr2, int seq, int lun2, int cmd, byte[] body) {
    static final int MIN_LENGTH = 7;

    byte[] encode() {
        ByteWriter w = new ByteWriter(MIN_LENGTH + body.length);
        w.u8(addr1).u8(netFn << 2 | lun1 & 3);
        w.u8(checksum(new byte[] {(byte) addr1, (byte) (netFn << 2 | lun1 & 3)}, 0, 2));
        int start = w.size();
        w.u8(addr2).u8((seq & 0x3F) << 2 | lun2 & 3).u8(cmd).bytes(body);
        byte[] partial = w.toByteArray();
        w.u8(checksum(partial, start, partial.length - start));
        return w.toByteArray();
    }

    static IpmiFrame decode(byte[] msg) throws MalformedPacketException {
        return decode(msg, true);
    }

    /** {@code checkSums} false only where an AuthCode already proved the message intact (see IpmiResponse). */
    static IpmiFrame decode(byte[] msg, boolean checkSums) throws MalformedPacketException {
        if (msg.length < MIN_LENGTH) {
            throw new MalformedPacketException("IPMI message of " + msg.length + " bytes");
        }
        if (checkSums && checksum(msg, 0, 2) != (msg[2] & 0xFF)) {
            throw new MalformedPacketException("IPMI header checksum mismatch");
        }
        if (checkSums && checksum(msg, 3, msg.length - 4) != (msg[msg.length - 1] & 0xFF)) {
            throw new MalformedPacketException("IPMI data checksum mismatch");
        }
        int nl = msg[1] & 0xFF;
        int sl = msg[4] & 0xFF;
        byte[] body = java.util.Arrays.copyOfRange(msg, 6, msg.length - 1);
        return new IpmiFrame(msg[0] & 0xFF, nl >> 2, nl & 3, msg[3] & 0xFF, sl >> 2, sl & 3, msg[5] & 0xFF, body);
    }

    /** Two's complement checksum: the bytes plus the checksum sum to zero mod 256 (§13.8). */
    static int checksum(byte[] b, int off, int len) {
        int sum = 0;
        for (int i = off; i < off + len; i++) {
            sum += b[i];
        }
        return -sum & 0xFF;
    }
}
