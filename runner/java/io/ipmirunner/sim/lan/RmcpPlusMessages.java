package io.ipmirunner.sim.lan;

import io.ipmirunner.ipmi.crypto.ConfidentialityAlgorithm;
import io.ipmirunner.ipmi.crypto.IntegrityAlgorithm;
import io.ipmirunner.ipmi.crypto.PayloadCipher;
import io.ipmirunner.ipmi.crypto.PayloadIntegrity;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.V20Packet;
import java.security.SecureRandom;

/**
 * IPMI payloads inside an active RMCP+ session (IPMI v2.0 §13.6, §13.28-§13.29): the AuthCode is checked
 * with K1 before anything else, then the payload decrypted with K2, then the sequence number taken. A
 * packet whose protection differs from what the cipher suite requires is dropped, both ways round.
 */
final class RmcpPlusMessages {
    private RmcpPlusMessages() {}

    static IpmiRequest unwrap(PlusSession s, V20Packet p) throws MalformedPacketException {
        byte[] payload = unwrapPayload(s, p);
        return payload == null ? null : IpmiRequest.decode(payload);
    }

    /** Any payload type (IPMI, SOL): checked, decrypted and counted; null when it must be dropped. */
    static byte[] unwrapPayload(PlusSession s, V20Packet p) throws MalformedPacketException {
        IntegrityAlgorithm integrity = s.suite.integrity();
        ConfidentialityAlgorithm confidentiality = s.suite.confidentiality();
        if (p.authenticated() != (integrity != IntegrityAlgorithm.NONE)
                || p.encrypted() != (confidentiality != ConfidentialityAlgorithm.NONE)) {
            return null;
        }
        if (p.authenticated()) {
            V20Packet.Trailer t = p.trailer(integrity.authCodeLength());
            byte[] d = t.integrityData();
            if (!PayloadIntegrity.verify(integrity, s.keys.k1(), s.kuid, d, 0, d.length, t.authCode())) {
                return null;
            }
        }
        byte[] payload = PayloadCipher.decrypt(confidentiality, s.keys.k2(), p.payload());
        return s.window.accept(p.sessionSeq()) ? payload : null;
    }

    /** {@code badChecksum}: Quirk.BAD_REPLY_CHECKSUM, the message's data checksum spoilt. */
    static byte[] wrap(PlusSession s, IpmiResponse r, SecureRandom random, boolean badChecksum) {
        byte[] message = r.encode();
        if (badChecksum) {
            message[message.length - 1] ^= 0x5A;
        }
        return wrapPayload(s, PayloadType.IPMI, message, random);
    }

    static byte[] wrapPayload(PlusSession s, int payloadType, byte[] plain, SecureRandom random) {
        ConfidentialityAlgorithm confidentiality = s.suite.confidentiality();
        IntegrityAlgorithm integrity = s.suite.integrity();
        boolean encrypt = confidentiality != ConfidentialityAlgorithm.NONE;
        byte[] payload = encrypt ? PayloadCipher.encrypt(confidentiality, s.keys.k2(), plain, random) : plain;
        V20Packet.Signer signer = integrity == IntegrityAlgorithm.NONE ? null
                : (d, off, len) -> PayloadIntegrity.authCode(integrity, s.keys.k1(), s.kuid, d, off, len);
        return V20Packet.encode(payloadType, encrypt, s.consoleId, s.nextOutboundSeq(), payload, signer);
    }
}
