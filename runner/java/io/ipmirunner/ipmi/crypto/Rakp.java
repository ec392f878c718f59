package io.ipmirunner.ipmi.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The RAKP key exchange authentication codes and the RAKP 4 integrity check value
 * (IPMI v2.0 §13.20-13.23). Session ids are written as 4 bytes little-endian, as every IPMI
 * multi-byte field (§13.6). The spec's subscripts look reversed but are right: "m" is the remote
 * console (us), "c" the managed system (BMC).
 *
 * <p>For {@link AuthAlgorithm#RAKP_NONE} every code is empty: the fields are absent on the wire.
 */
public final class Rakp {
    private Rakp() {
    }

    /**
     * The Key Exchange Authentication Code the BMC sends in RAKP Message 2 (§13.21):
     * HMAC_Kuid(SIDm | SIDc | Rm | Rc | GUIDc | ROLEm | ULENGTHm | UNAMEm).
     *
     * @param sidM  remote console session id (ours, from the Open Session Request)
     * @param sidC  managed system session id (the BMC's, from the Open Session Response)
     * @param role  the exact ROLEm byte sent in RAKP 1, including the name-only-lookup bit
     */
    public static byte[] rakp2KeyExchangeAuthCode(AuthAlgorithm alg, byte[] kuid, int sidM, int sidC,
                                                  byte[] rm, byte[] rc, byte[] guidC, int role,
                                                  byte[] username) {
        Objects.requireNonNull(alg, "alg");
        byte[] user = userName(username);
        return alg.keyedHash(kuid, le32(sidM), le32(sidC), rm, rc, guidC,
                new byte[] {(byte) role, (byte) user.length}, user);
    }

    /**
     * The Key Exchange Authentication Code we send in RAKP Message 3 (§13.22):
     * HMAC_Kuid(Rc | SIDm | ROLEm | ULENGTHm | UNAMEm).
     */
    public static byte[] rakp3KeyExchangeAuthCode(AuthAlgorithm alg, byte[] kuid, byte[] rc, int sidM,
                                                  int role, byte[] username) {
        Objects.requireNonNull(alg, "alg");
        byte[] user = userName(username);
        return alg.keyedHash(kuid, rc, le32(sidM), new byte[] {(byte) role, (byte) user.length}, user);
    }

    /**
     * The Integrity Check Value the BMC sends in RAKP Message 4 (§13.23): HMAC_SIK(Rm | SIDc | GUIDc),
     * truncated to {@link AuthAlgorithm#rakp4IcvLength()} (12 for SHA1, 16 for MD5 and SHA256, §13.28).
     */
    public static byte[] rakp4IntegrityCheckValue(AuthAlgorithm alg, byte[] sik, byte[] rm, int sidC,
                                                  byte[] guidC) {
        Objects.requireNonNull(alg, "alg");
        byte[] full = alg.keyedHash(sik, rm, le32(sidC), guidC);
        return Arrays.copyOf(full, alg.rakp4IcvLength());
    }

    /**
     * The algorithm Intel's early IPMI 2.0 firmware computes RAKP 4's check value with (FreeIPMI's
     * {@code intel20}, after ipmitool): the one that matches the suite's integrity algorithm, not its
     * authentication algorithm. FreeIPMI maps none, HMAC-SHA1-96 and HMAC-MD5-128 and gives up on MD5-128;
     * for that one and HMAC-SHA256-128 the specification's algorithm stands.
     */
    public static AuthAlgorithm intel20Rakp4Algorithm(CipherSuite suite) {
        return switch (suite.integrity()) {
            case NONE -> AuthAlgorithm.RAKP_NONE;
            case HMAC_SHA1_96 -> AuthAlgorithm.RAKP_HMAC_SHA1;
            case HMAC_MD5_128 -> AuthAlgorithm.RAKP_HMAC_MD5;
            case MD5_128, HMAC_SHA256_128 -> suite.auth();
        };
    }

    /**
     * Compares two codes without leaking where they first differ (timing), so a forged RAKP 2/4
     * or session AuthCode cannot be found byte by byte. Null equals only null.
     */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        if (a == null || b == null) {
            return a == b;
        }
        // MessageDigest.isEqual's running time depends only on a's length (its JDK contract).
        return MessageDigest.isEqual(a, b);
    }

    private static byte[] userName(byte[] username) {
        byte[] user = username == null ? new byte[0] : username;
        if (user.length > 255) {
            throw new IllegalArgumentException("user name longer than 255 bytes");
        }
        return user;
    }

    /** A 32-bit field least-significant byte first (§13.6). */
    static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }
}
