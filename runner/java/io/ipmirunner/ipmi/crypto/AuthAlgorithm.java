package io.ipmirunner.ipmi.crypto;

import java.util.Optional;

/**
 * RAKP authentication algorithms negotiated in the RMCP+ Open Session exchange (IPMI v2.0 §13.28,
 * Table 13-17). The same HMAC is used for the RAKP 2/3/4 codes, the SIK and K1/K2 (§13.31, §13.32).
 */
public enum AuthAlgorithm {
    RAKP_NONE(0x00, null, 0, 0),
    // RAKP 4 ICV for SHA1 is HMAC-SHA1-96 (first 12 bytes), IPMI v2.0 §13.28.
    RAKP_HMAC_SHA1(0x01, "HmacSHA1", 20, 12),
    // RAKP 4 ICV for MD5 is the full 16-byte HMAC-MD5, IPMI v2.0 §13.28.
    RAKP_HMAC_MD5(0x02, "HmacMD5", 16, 16),
    // RAKP 4 ICV for SHA256 is HMAC-SHA256-128 (first 16 bytes), IPMI v2.0 §13.28; ipmitool
    // lanplus_crypt.c (rakp4_hmac_matches) and FreeIPMI ipmi-rmcpplus-util.c both compare 16 bytes.
    RAKP_HMAC_SHA256(0x03, "HmacSHA256", 32, 16);

    private static final AuthAlgorithm[] VALUES = values();

    private final int code;
    private final String jcaName;
    private final int hashLength;
    private final int rakp4IcvLength;

    AuthAlgorithm(int code, String jcaName, int hashLength, int rakp4IcvLength) {
        this.code = code;
        this.jcaName = jcaName;
        this.hashLength = hashLength;
        this.rakp4IcvLength = rakp4IcvLength;
    }

    /** The algorithm number carried in the Open Session / RAKP payloads (bits [5:0]). */
    public int code() {
        return code;
    }

    /** Exact match on the algorithm number; callers strip any tag bits of a cipher suite record first. */
    public static Optional<AuthAlgorithm> fromCode(int code) {
        for (AuthAlgorithm a : VALUES) {
            if (a.code == code) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * HMAC keyed with {@code key} over the concatenation of {@code parts} (null parts are empty).
     * For {@link #RAKP_NONE} there is no key exchange code at all (§13.28), so the result is empty.
     */
    public byte[] keyedHash(byte[] key, byte[]... parts) {
        if (jcaName == null) {
            return new byte[0];
        }
        return Hmac.mac(jcaName, key, parts);
    }

    /** Length of the full HMAC output: also the length of SIK, K1, K2 and the RAKP 2/3 codes. */
    public int hashLength() {
        return hashLength;
    }

    /** Length of the Integrity Check Value in RAKP Message 4 (§13.23, §13.28). */
    public int rakp4IcvLength() {
        return rakp4IcvLength;
    }
}
