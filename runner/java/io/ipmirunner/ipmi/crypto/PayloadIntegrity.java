package io.ipmirunner.ipmi.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The AuthCode of the IPMI v2.0 session trailer (IPMI v2.0 §13.6, §13.28.4). The caller passes the
 * protected range: from the AuthType/Format byte of the session header through the Next Header
 * byte of the trailer (§13.6; ipmitool lanplus_crypt.c lanplus_has_valid_auth_code hashes exactly
 * that range, starting at IPMI_LANPLUS_OFFSET_AUTHTYPE).
 *
 * <p>Keys, as verified in ipmitool src/plugins/lanplus/lanplus_crypt.c and FreeIPMI
 * libfreeipmi/util/ipmi-rmcpplus-util.c / interface/ipmi-rmcpplus-interface.c:
 * all three HMAC algorithms (SHA1-96, MD5-128, SHA256-128) are keyed with K1, never with the
 * password; MD5-128 is an unkeyed MD5 that sandwiches the password Kuid.
 */
public final class PayloadIntegrity {
    /**
     * MD5-128 pads the password to 20 bytes, the IPMI v2.0 password size (not 16 as in v1.5):
     * FreeIPMI ipmi-rmcpplus-interface.c _construct_session_trlr_authentication_code and
     * ipmi-rmcpplus-util.c ipmi_rmcpplus_check_packet_session_authentication_code both use a
     * zero-filled IPMI_2_0_MAX_PASSWORD_LENGTH (20) buffer. ipmitool does not implement MD5-128.
     */
    private static final int MD5_128_PASSWORD_LENGTH = 20;

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks MD5", e);
        }
    });

    private PayloadIntegrity() {
    }

    /**
     * The AuthCode ({@link IntegrityAlgorithm#authCodeLength()} bytes; empty for NONE) over
     * {@code data[off, off+len)}.
     *
     * @param k1   session key K1 (HMAC algorithms)
     * @param kuid user password (MD5-128 only; null = empty password); at most 20 bytes
     */
    public static byte[] authCode(IntegrityAlgorithm alg, byte[] k1, byte[] kuid, byte[] data, int off,
                                  int len) {
        Objects.requireNonNull(alg, "alg");
        Objects.checkFromIndexSize(off, len, data.length);
        return switch (alg) {
            case NONE -> new byte[0];
            // §13.28.4: HMAC-SHA1-96 = first 96 bits of HMAC-SHA1 keyed by K1 (RFC 2404).
            case HMAC_SHA1_96 -> truncatedHmac("HmacSHA1", k1, data, off, len, alg);
            // §13.28.4: HMAC-MD5-128 = HMAC-MD5 keyed by K1 (ipmitool passes session k1 for every
            // integrity HMAC; FreeIPMI: "Integrity Key for HMAC_SHA1_96 and HMAC_MD5_128 is K1").
            case HMAC_MD5_128 -> truncatedHmac("HmacMD5", k1, data, off, len, alg);
            // §13.28.4: HMAC-SHA256-128 = first 128 bits of HMAC-SHA256 keyed by K1 (RFC 4868).
            case HMAC_SHA256_128 -> truncatedHmac("HmacSHA256", k1, data, off, len, alg);
            // §13.28.4: MD5-128 = MD5(Kuid | data | Kuid), Kuid zero-padded to 20 bytes (FreeIPMI).
            case MD5_128 -> md5128(kuid, data, off, len);
        };
    }

    /** Constant-time check of a received AuthCode; false (not an exception) on any length mismatch. */
    public static boolean verify(IntegrityAlgorithm alg, byte[] k1, byte[] kuid, byte[] data, int off,
                                 int len, byte[] received) {
        if (received == null || data == null || off < 0 || len < 0 || off > data.length - len) {
            return false;
        }
        byte[] expected = authCode(alg, k1, kuid, data, off, len);
        return Rakp.constantTimeEquals(expected, received);
    }

    private static byte[] truncatedHmac(String jcaName, byte[] k1, byte[] data, int off, int len,
                                        IntegrityAlgorithm alg) {
        Objects.requireNonNull(k1, "k1");
        byte[] full = Hmac.mac(jcaName, k1, data, off, len);
        return Arrays.copyOf(full, alg.authCodeLength());
    }

    private static byte[] md5128(byte[] kuid, byte[] data, int off, int len) {
        byte[] pw = kuid == null ? new byte[0] : kuid;
        if (pw.length > MD5_128_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("IPMI v2.0 password longer than 20 bytes");
        }
        byte[] padded = Arrays.copyOf(pw, MD5_128_PASSWORD_LENGTH);
        MessageDigest md = MD5.get();
        md.reset();
        md.update(padded);
        md.update(data, off, len);
        md.update(padded);
        byte[] out = md.digest();
        Arrays.fill(padded, (byte) 0); // the padded copy is a password
        return out;
    }
}
