package io.ipmirunner.ipmi.wire;

/**
 * An IPMI request message (IPMI v2.0 §13.8). Over LAN the remote console is requester 0x81
 * ("remote console software ID"), the BMC responder 0x20; rqSeq is 6 bits.
 */
public record IpmiRequest(int rsAddr, int netFn, int rsLun, int rqAddr, int rqSeq, int rqLun, int cmd, byte[] data) {
    public static final int BMC_ADDR = 0x20;
    public static final int REMOTE_CONSOLE_ADDR = 0x81;

    public IpmiRequest {
        data = data.clone();
    }

    public static IpmiRequest toBmc(int netFn, int cmd, int rqSeq, byte[] data) {
        return new IpmiRequest(BMC_ADDR, netFn, 0, REMOTE_CONSOLE_ADDR, rqSeq & 0x3F, 0, cmd, data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public byte[] encode() {
        return new IpmiFrame(rsAddr, netFn, rsLun, rqAddr, rqSeq, rqLun, cmd, data).encode();
    }

    public static IpmiRequest decode(byte[] msg) throws MalformedPacketException {
        IpmiFrame f = IpmiFrame.decode(msg);
        if ((f.netFn() & 1) != 0) {
            throw new MalformedPacketException("response netFn in a request");
        }
        return new IpmiRequest(f.addr1(), f.netFn(), f.lun1(), f.addr2(), f.seq(), f.lun2(), f.cmd(), f.body());
    }

    /** The response to this request: netFn + 1, addresses and LUNs swapped (§5.1). */
    public IpmiResponse respond(CompletionCode cc, byte[] responseData) {
        return new IpmiResponse(rqAddr, netFn | 1, rqLun, rsAddr, rqSeq, rsLun, cmd, cc, responseData);
    }
}
