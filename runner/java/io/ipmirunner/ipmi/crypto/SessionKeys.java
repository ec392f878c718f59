package io.ipmirunner.ipmi.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * The RMCP+ session keys derived after RAKP: the Session Integrity Key and the two keys generated
 * from it (IPMI v2.0 §13.31, §13.32). All three have the authentication algorithm's hash length.
 *
 * <p>A record over arrays compares by identity; callers must not mutate the arrays they get back.
 * {@link #toString()} prints lengths only so keys never reach logs.
 */
public record SessionKeys(byte[] sik, byte[] k1, byte[] k2) {

    /*
     * Length of the K1/K2 constants (§13.32: "Const 1 = 0x0101..01", "Const 2 = 0x0202..02").
     * It is 20 bytes for EVERY authentication algorithm, including RAKP-HMAC-SHA256 where the
     * HMAC output is 32 bytes: ipmitool src/plugins/lanplus/lanplus_crypt.c (lanplus_generate_k1/k2,
     * CONST_1/CONST_2 arrays of 20 bytes passed with length 20) and FreeIPMI
     * libfreeipmi/util/ipmi-rmcpplus-util.c (IPMI_KEY_CONSTANT_LENGTH 20, ipmi_calculate_k1/k2)
     * agree. Only the output grows to 32 bytes.
     */
    private static final int KEY_CONSTANT_LENGTH = 20;
    private static final int AES_KEY_LENGTH = 16;

    public SessionKeys {
        Objects.requireNonNull(sik, "sik");
        Objects.requireNonNull(k1, "k1");
        Objects.requireNonNull(k2, "k2");
    }

    /**
     * Derives SIK, K1 and K2.
     *
     * @param auth     negotiated authentication algorithm; the same HMAC makes SIK and K1/K2
     *                 (ipmitool README.lanplus: K1/K2 use the authentication algorithm, §13.32)
     * @param kg       BMC key Kg; null, empty or all-zero means "no Kg" and Kuid is used (§13.31)
     * @param kuid     user password / key (Kuid), unpadded; HMAC zero-pads keys itself (RFC 2104),
     *                 so this equals ipmitool's 20-byte zero-padded authcode buffer
     * @param rm       remote console random number Rm (16 bytes)
     * @param rc       managed system random number Rc (16 bytes)
     * @param role     ROLEm: the whole byte sent in RAKP 1, including the name-only-lookup bit 0x10
     * @param username UNAMEm (null = empty); ULENGTHm is its length
     */
    public static SessionKeys derive(AuthAlgorithm auth, byte[] kg, byte[] kuid, byte[] rm, byte[] rc,
                                     int role, byte[] username) {
        Objects.requireNonNull(auth, "auth");
        if (auth == AuthAlgorithm.RAKP_NONE) {
            // §13.28: RAKP-none has no keys; there is no integrity or confidentiality to key either.
            return new SessionKeys(new byte[0], new byte[0], new byte[0]);
        }
        byte[] user = username == null ? new byte[0] : username;
        if (user.length > 255) {
            throw new IllegalArgumentException("user name longer than 255 bytes");
        }
        // IPMI v2.0 §13.31: SIK = HMAC_Kg(Rm | Rc | RoleM | ULengthM | <UNameM>), Kuid when Kg is null.
        // "Null" Kg: FreeIPMI tests for absence/zero length, ipmitool for a zero first byte; an
        // all-zero Kg is the BMC's unset default (Get Channel Auth Capabilities KG status), so it
        // counts as null as well.
        byte[] sikKey = isNullKey(kg) ? kuid : kg;
        byte[] sik = auth.keyedHash(sikKey, rm, rc, new byte[] {(byte) role, (byte) user.length}, user);
        // IPMI v2.0 §13.32: K1 = HMAC_SIK(Const 1), K2 = HMAC_SIK(Const 2).
        byte[] k1 = auth.keyedHash(sik, constant(0x01));
        byte[] k2 = auth.keyedHash(sik, constant(0x02));
        return new SessionKeys(sik, k1, k2);
    }

    private static boolean isNullKey(byte[] kg) {
        if (kg == null) {
            return true;
        }
        for (byte b : kg) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] constant(int value) {
        byte[] c = new byte[KEY_CONSTANT_LENGTH];
        Arrays.fill(c, (byte) value);
        return c;
    }

    /**
     * The AES-CBC-128 key: the first 16 bytes of K2 (IPMI v2.0 §13.29). Empty for RAKP-none, which
     * never carries AES (Table 22-20).
     */
    public byte[] aesKey() {
        return Arrays.copyOf(k2, Math.min(AES_KEY_LENGTH, k2.length));
    }

    @Override
    public String toString() {
        return "SessionKeys[sik=" + sik.length + " bytes, k1=" + k1.length + " bytes, k2=" + k2.length
                + " bytes]";
    }
}
