package io.ipmirunner.ipmi.crypto;

import java.util.Optional;

/** RMCP+ integrity algorithms protecting the session trailer AuthCode (IPMI v2.0 §13.28.4, Table 13-18). */
public enum IntegrityAlgorithm {
    NONE(0, 0),
    // HMAC-SHA1 keyed by K1, truncated to 96 bits (§13.28.4, RFC 2404).
    HMAC_SHA1_96(1, 12),
    // HMAC-MD5 keyed by K1, full 128 bits (§13.28.4).
    HMAC_MD5_128(2, 16),
    // Plain MD5 over password | data | password (§13.28.4); see PayloadIntegrity for the exact layout.
    MD5_128(3, 16),
    // HMAC-SHA256 keyed by K1, truncated to 128 bits (§13.28.4, RFC 4868).
    HMAC_SHA256_128(4, 16);

    private static final IntegrityAlgorithm[] VALUES = values();

    private final int code;
    private final int authCodeLength;

    IntegrityAlgorithm(int code, int authCodeLength) {
        this.code = code;
        this.authCodeLength = authCodeLength;
    }

    public int code() {
        return code;
    }

    /** Exact match on the algorithm number; callers strip any tag bits of a cipher suite record first. */
    public static Optional<IntegrityAlgorithm> fromCode(int code) {
        for (IntegrityAlgorithm a : VALUES) {
            if (a.code == code) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Length of the AuthCode field in the IPMI v2.0 session trailer (§13.6). */
    public int authCodeLength() {
        return authCodeLength;
    }
}
