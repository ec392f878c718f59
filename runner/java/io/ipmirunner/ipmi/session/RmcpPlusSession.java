package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.crypto.ConfidentialityAlgorithm;
import io.ipmirunner.ipmi.crypto.IntegrityAlgorithm;
import io.ipmirunner.ipmi.crypto.PayloadCipher;
import io.ipmirunner.ipmi.crypto.PayloadIntegrity;
import io.ipmirunner.ipmi.crypto.SessionKeys;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.V20Packet;
import java.security.SecureRandom;

/**
 * An RMCP+ session (IPMI v2.0 §13.6, §13.28): IPMI payloads framed with the session ids, an outbound
 * sequence number that starts at 1 and skips 0, the AuthCode keyed with K1 and AES-CBC-128 with K2 when
 * the cipher suite asks for them.
 */
public final class RmcpPlusSession implements ActiveSession {
    private final CipherSuite suite;
    private final SessionKeys keys;
    private final byte[] kuid;
    private final int bmcSessionId;
    private final int consoleSessionId;
    private Privilege privilege;
    private final SecureRandom random;
    private final SequenceWindow window = new SequenceWindow();
    private int outboundSeq;

    public RmcpPlusSession(CipherSuite suite, SessionKeys keys, byte[] kuid, int bmcSessionId, int consoleSessionId,
                           Privilege privilege, SecureRandom random) {
        this.suite = suite;
        this.keys = keys;
        this.kuid = kuid.clone();
        this.bmcSessionId = bmcSessionId;
        this.consoleSessionId = consoleSessionId;
        this.privilege = privilege;
        this.random = random;
    }

    @Override
    public int bmcSessionId() {
        return bmcSessionId;
    }

    @Override
    public int consoleSessionId() {
        return consoleSessionId;
    }

    @Override
    public Privilege privilege() {
        return privilege;
    }

    public CipherSuite cipherSuite() {
        return suite;
    }

    @Override
    public void privilegeGranted(Privilege p) {
        privilege = p;
    }

    @Override
    public String describe() {
        return "IPMI v2.0 RMCP+ cipher suite " + suite.id();
    }

    @Override
    public byte[] encode(IpmiRequest request) {
        return encodePayload(PayloadType.IPMI, request.encode());
    }

    /**
     * Any payload in this session (SOL, §15.9): numbered from the same outbound sequence as requests, and
     * protected as the cipher suite says (SOL is activated asking for exactly that protection).
     */
    public byte[] encodePayload(int payloadType, byte[] payload) {
        outboundSeq = outboundSeq == -1 ? 1 : outboundSeq + 1;
        boolean encrypt = suite.confidentiality() != ConfidentialityAlgorithm.NONE;
        if (encrypt) {
            payload = PayloadCipher.encrypt(suite.confidentiality(), keys.k2(), payload, random);
        }
        IntegrityAlgorithm integrity = suite.integrity();
        V20Packet.Signer signer = integrity == IntegrityAlgorithm.NONE ? null
                : (d, off, len) -> PayloadIntegrity.authCode(integrity, keys.k1(), kuid, d, off, len);
        return V20Packet.encode(payloadType, encrypt, bmcSessionId, outboundSeq, payload, signer);
    }

    @Override
    public Decoded decode(LanPacket packet) {
        if (!(packet instanceof V20Packet p) || p.sessionId() != consoleSessionId || consoleSessionId == 0) {
            return new Decoded.NotMine();
        }
        if (p.payloadType() != PayloadType.IPMI && p.payloadType() != PayloadType.SOL) {
            return new Decoded.Dropped("payload type " + p.payloadType() + " in session");
        }
        try {
            if (suite.integrity() != IntegrityAlgorithm.NONE) {
                if (!p.authenticated()) {
                    return new Decoded.Dropped("unauthenticated packet in an authenticated session");
                }
                V20Packet.Trailer t = p.trailer(suite.integrity().authCodeLength());
                byte[] data = t.integrityData();
                if (!PayloadIntegrity.verify(suite.integrity(), keys.k1(), kuid, data, 0, data.length, t.authCode())) {
                    return new Decoded.Dropped("AuthCode mismatch");
                }
            }
            byte[] payload = p.payload();
            if (suite.confidentiality() != ConfidentialityAlgorithm.NONE) {
                if (!p.encrypted()) {
                    return new Decoded.Dropped("unencrypted packet in an encrypted session");
                }
                payload = PayloadCipher.decrypt(suite.confidentiality(), keys.k2(), payload);
            }
            IpmiResponse response = p.payloadType() != PayloadType.IPMI ? null
                    : suite.integrity() != IntegrityAlgorithm.NONE ? IpmiResponse.decodeAuthenticated(payload)
                    : IpmiResponse.decode(payload);
            if (!window.accept(p.sessionSeq())) {
                return new Decoded.Dropped("sequence number " + Integer.toUnsignedString(p.sessionSeq())
                        + " outside the window or repeated");
            }
            return response != null ? new Decoded.Accepted(response, p.sessionSeq())
                    : new Decoded.Payload(p.payloadType(), payload);
        } catch (MalformedPacketException e) {
            return new Decoded.Dropped(e.getMessage());
        }
    }
}
