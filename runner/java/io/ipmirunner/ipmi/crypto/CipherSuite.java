package io.ipmirunner.ipmi.crypto;

import static io.ipmirunner.ipmi.crypto.AuthAlgorithm.RAKP_HMAC_MD5;
import static io.ipmirunner.ipmi.crypto.AuthAlgorithm.RAKP_HMAC_SHA1;
import static io.ipmirunner.ipmi.crypto.AuthAlgorithm.RAKP_HMAC_SHA256;
import static io.ipmirunner.ipmi.crypto.AuthAlgorithm.RAKP_NONE;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A standard RMCP+ cipher suite: one authentication, integrity and confidentiality algorithm under
 * one id (IPMI v2.0 §22.15.2, Table 22-20).
 *
 * <p>Only suites whose algorithms we implement are selectable: the xRC4 suites (4, 5, 9, 10, 13, 14,
 * and the SHA256 ones 18, 19) are deliberately absent, so {@link #byId} and {@link #matching} never
 * hand out something {@link PayloadCipher} cannot run.
 */
public record CipherSuite(int id, AuthAlgorithm auth, IntegrityAlgorithm integrity,
                          ConfidentialityAlgorithm confidentiality) {

    public CipherSuite {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(integrity, "integrity");
        Objects.requireNonNull(confidentiality, "confidentiality");
    }

    // Table 22-20 rows we support, in id order (cross-checked with FreeIPMI ipmi-cipher-suite-util.c).
    private static final List<CipherSuite> SELECTABLE = List.of(
            new CipherSuite(0, RAKP_NONE, IntegrityAlgorithm.NONE, ConfidentialityAlgorithm.NONE),
            new CipherSuite(1, RAKP_HMAC_SHA1, IntegrityAlgorithm.NONE, ConfidentialityAlgorithm.NONE),
            new CipherSuite(2, RAKP_HMAC_SHA1, IntegrityAlgorithm.HMAC_SHA1_96, ConfidentialityAlgorithm.NONE),
            new CipherSuite(3, RAKP_HMAC_SHA1, IntegrityAlgorithm.HMAC_SHA1_96, ConfidentialityAlgorithm.AES_CBC_128),
            new CipherSuite(6, RAKP_HMAC_MD5, IntegrityAlgorithm.NONE, ConfidentialityAlgorithm.NONE),
            new CipherSuite(7, RAKP_HMAC_MD5, IntegrityAlgorithm.HMAC_MD5_128, ConfidentialityAlgorithm.NONE),
            new CipherSuite(8, RAKP_HMAC_MD5, IntegrityAlgorithm.HMAC_MD5_128, ConfidentialityAlgorithm.AES_CBC_128),
            new CipherSuite(11, RAKP_HMAC_MD5, IntegrityAlgorithm.MD5_128, ConfidentialityAlgorithm.NONE),
            new CipherSuite(12, RAKP_HMAC_MD5, IntegrityAlgorithm.MD5_128, ConfidentialityAlgorithm.AES_CBC_128),
            new CipherSuite(15, RAKP_HMAC_SHA256, IntegrityAlgorithm.NONE, ConfidentialityAlgorithm.NONE),
            new CipherSuite(16, RAKP_HMAC_SHA256, IntegrityAlgorithm.HMAC_SHA256_128,
                    ConfidentialityAlgorithm.NONE),
            new CipherSuite(17, RAKP_HMAC_SHA256, IntegrityAlgorithm.HMAC_SHA256_128,
                    ConfidentialityAlgorithm.AES_CBC_128));

    private static final int PREFERRED = 17;
    // The spec makes suite 3 mandatory (ipmitool lanplus.c ipmi_find_best_cipher_suite relies on
    // this too), so it is the fallback whatever the BMC lists.
    private static final int FALLBACK = 3;

    /** The selectable suite with this id: 0-3, 6-8, 11-12, 15-17. */
    public static Optional<CipherSuite> byId(int id) {
        for (CipherSuite s : SELECTABLE) {
            if (s.id == id) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** All selectable suites in id order (immutable). */
    public static List<CipherSuite> selectable() {
        return SELECTABLE;
    }

    /**
     * The selectable suite made of exactly these algorithms, used to turn the algorithm records of a
     * Get Channel Cipher Suites response (§22.15) into ids. Empty for combinations outside
     * Table 22-20 and for xRC4 suites.
     */
    public static Optional<CipherSuite> matching(AuthAlgorithm auth, IntegrityAlgorithm integrity,
                                                 ConfidentialityAlgorithm confidentiality) {
        for (CipherSuite s : SELECTABLE) {
            if (s.auth == auth && s.integrity == integrity && s.confidentiality == confidentiality) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The suites to propose, in order, when the operator did not pick one: 17 (SHA256 + AES), then 3
     * (SHA1 + AES). Suite 0 (no authentication) is never proposed by default.
     */
    public static List<CipherSuite> defaultPreference() {
        return List.of(byId(PREFERRED).orElseThrow(), byId(FALLBACK).orElseThrow());
    }
}
