package io.ipmirunner.ipmi.crypto;

import java.util.Optional;

/** RMCP+ payload confidentiality algorithms (IPMI v2.0 §13.28.5, Table 13-19). */
public enum ConfidentialityAlgorithm {
    NONE(0, true),
    // AES-128 in CBC mode keyed by the first 16 bytes of K2 (§13.29).
    AES_CBC_128(1, true),
    // xRC4 (§13.30) is optional in the spec, cryptographically broken, and not implemented here.
    XRC4_128(2, false),
    XRC4_40(3, false);

    private static final ConfidentialityAlgorithm[] VALUES = values();

    private final int code;
    private final boolean supported;

    ConfidentialityAlgorithm(int code, boolean supported) {
        this.code = code;
        this.supported = supported;
    }

    public int code() {
        return code;
    }

    /** Exact match on the algorithm number; callers strip any tag bits of a cipher suite record first. */
    public static Optional<ConfidentialityAlgorithm> fromCode(int code) {
        for (ConfidentialityAlgorithm a : VALUES) {
            if (a.code == code) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Whether {@link PayloadCipher} can handle it: only NONE and AES-CBC-128. */
    public boolean supported() {
        return supported;
    }
}
