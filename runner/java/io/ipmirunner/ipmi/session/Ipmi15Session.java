package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.crypto.Ipmi15AuthCode;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.V15Packet;
import java.security.MessageDigest;

/**
 * An IPMI v1.5 session (IPMI v2.0 §6.12, §22.17): one session id both ways, our outbound sequence starting
 * at the BMC's "initial inbound sequence number", and a per-message auth code with the negotiated type.
 */
public final class Ipmi15Session implements ActiveSession {
    private final int authType;
    /**
     * The auth type of the activation. A BMC with per-message authentication disabled grants auth type none
     * for the session, and some (Dell PowerEdge 2850, SC1425; FreeIPMI's {@code unexpectedauth}) still sign
     * their replies with this one: such a reply is taken when its auth code proves it.
     */
    private final int activationAuthType;
    private final byte[] password;
    /** False for a host whose {@code ipmi_workarounds} name {@code noauthcodecheck}. */
    private final boolean checkAuthCodes;
    private final int sessionId;
    private Privilege privilege;
    private final SequenceWindow window = new SequenceWindow();
    /**
     * The same numbers read in the other byte order: some BMCs (Sun ILOM 1.0/2.0) write their v1.5 session
     * sequence numbers byte-swapped, so that as read they jump by 2^24 and leave {@link #window} at once.
     * FreeIPMI needs {@code -W endianseq} for them; a reply either window takes is new, and a replay is
     * refused by both, since both have seen it.
     */
    private final SequenceWindow swapped = new SequenceWindow();
    private int outboundSeq;

    public Ipmi15Session(int authType, int activationAuthType, byte[] password, int sessionId, int initialOutboundSeq,
            Privilege privilege, boolean checkAuthCodes) {
        this.authType = authType;
        this.checkAuthCodes = checkAuthCodes;
        this.activationAuthType = activationAuthType;
        this.password = password.clone();
        this.sessionId = sessionId;
        this.outboundSeq = initialOutboundSeq;
        this.privilege = privilege;
    }

    @Override
    public int bmcSessionId() {
        return sessionId;
    }

    @Override
    public int consoleSessionId() {
        return sessionId;
    }

    @Override
    public Privilege privilege() {
        return privilege;
    }

    @Override
    public void privilegeGranted(Privilege p) {
        privilege = p;
    }

    @Override
    public String describe() {
        return "IPMI v1.5 auth type " + V15Login.authTypeName(authType);
    }

    @Override
    public byte[] encode(IpmiRequest request) {
        int seq = outboundSeq;
        outboundSeq = outboundSeq == -1 ? 1 : outboundSeq + 1;
        byte[] msg = request.encode();
        byte[] code = Ipmi15AuthCode.compute(authType, password, sessionId, msg, seq);
        return new V15Packet(authType, seq, sessionId, code, msg).encode();
    }

    /**
     * Some BMCs (Tyan S2882 with an M3289 BMC; FreeIPMI's {@code idzero}) write session id 0 into the session
     * header of their replies. Such a packet is this session's only when its auth code, computed over the id
     * as written, proves it: session-less packets (auth type none, id 0) stay outside, where the presence
     * probe reads them, and a session without per-message auth codes cannot tell them apart, so takes none.
     */
    private boolean idZero(V15Packet p) {
        return p.sessionId() == 0 && authType != V15Packet.AUTH_NONE && p.authType() == authType
                && MessageDigest.isEqual(p.authCode(),
                        Ipmi15AuthCode.compute(authType, password, 0, p.message(), p.sessionSeq()));
    }

    @Override
    public Decoded decode(LanPacket packet) {
        if (!(packet instanceof V15Packet p) || sessionId == 0 || p.sessionId() != sessionId && !idZero(p)) {
            return new Decoded.NotMine();
        }
        byte[] msg = p.message();
        // A reply in another auth type than the session's would be a downgrade, but for a signed one in the
        // activation's when the session has none: drop it.
        int replyAuth = p.authType();
        if (replyAuth != authType && !(authType == V15Packet.AUTH_NONE && replyAuth == activationAuthType)) {
            return new Decoded.Dropped("v1.5 auth type " + replyAuth + " differs from the session's");
        }
        if (replyAuth != V15Packet.AUTH_NONE && checkAuthCodes) {
            byte[] expected = Ipmi15AuthCode.compute(replyAuth, password, p.sessionId(), msg, p.sessionSeq());
            if (!MessageDigest.isEqual(expected, p.authCode())) {
                return new Decoded.Dropped("v1.5 auth code mismatch");
            }
        }
        try {
            IpmiResponse response = IpmiResponse.decode(msg);
            boolean asRead = window.accept(p.sessionSeq());
            boolean byteSwapped = swapped.accept(Integer.reverseBytes(p.sessionSeq()));
            if (!asRead && !byteSwapped) {
                return new Decoded.Dropped("v1.5 sequence number repeated or outside the window");
            }
            return new Decoded.Accepted(response, p.sessionSeq());
        } catch (MalformedPacketException e) {
            return new Decoded.Dropped(e.getMessage());
        }
    }
}
