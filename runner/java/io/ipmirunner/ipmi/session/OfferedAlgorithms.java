package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.crypto.AuthAlgorithm;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.crypto.ConfidentialityAlgorithm;
import io.ipmirunner.ipmi.crypto.IntegrityAlgorithm;
import io.ipmirunner.ipmi.wire.OpenSessionResponse;
import java.util.Optional;

/**
 * The algorithm numbers an Open Session response names (IPMI v2.0 §13.18, Table 13-10: authentication,
 * integrity and confidentiality payloads), as the BMC sent them, whether or not they make a suite we know.
 */
record OfferedAlgorithms(int auth, int integrity, int confidentiality) {
    static OfferedAlgorithms of(OpenSessionResponse r) {
        return new OfferedAlgorithms(r.authAlgorithm(), r.integrityAlgorithm(), r.confidentialityAlgorithm());
    }

    boolean are(CipherSuite s) {
        return auth == s.auth().code() && integrity == s.integrity().code()
                && confidentiality == s.confidentiality().code();
    }

    /** The selectable suite (Table 22-20) made of exactly these algorithms, if there is one. */
    Optional<CipherSuite> suite() {
        return AuthAlgorithm.fromCode(auth).flatMap(a -> IntegrityAlgorithm.fromCode(integrity)
                .flatMap(i -> ConfidentialityAlgorithm.fromCode(confidentiality)
                        .flatMap(c -> CipherSuite.matching(a, i, c))));
    }

    /** "cipher suite 3 (RAKP-HMAC-SHA1, HMAC-SHA1-96, AES-CBC-128)", or the bare numbers of an unknown mix. */
    String describe() {
        return suite().map(s -> "cipher suite " + s.id() + " (" + label(s.auth()) + ", " + label(s.integrity())
                        + ", " + label(s.confidentiality()) + ")")
                .orElse("algorithms authentication %d, integrity %d, confidentiality %d (no cipher suite"
                        .formatted(auth, integrity, confidentiality) + " ipmi-runner implements)");
    }

    private static String label(Enum<?> algorithm) {
        return algorithm.name().replace('_', '-');
    }
}
