package io.ipmirunner.ipmi.crypto;

import io.ipmirunner.ipmi.wire.MalformedPacketException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * RMCP+ payload confidentiality (IPMI v2.0 §13.29, AES-CBC-128). Wire layout of an encrypted payload:
 * 16-byte IV (confidentiality header) | AES-CBC(K2[0..16), IV)(data | 01 02 .. N | N).
 *
 * <p>Pad rules, as verified: senders use the minimal pad N in 0..15 with pad bytes 1..N (ipmitool
 * lanplus_crypt.c lanplus_encrypt_payload, FreeIPMI ipmi-rmcpplus-interface.c). On receive FreeIPMI's
 * library path (_deconstruct_payload_confidentiality_aes_cbc_128) only bounds the pad length and
 * does NOT check the pad byte values (only ipmipower calls ipmi_rmcpplus_check_payload_pad), so we
 * do not check them either: the session AuthCode already guards integrity. We do reject a pad length
 * over 15 (a correct sender never needs 16) and a pad longer than the decrypted data.
 */
public final class PayloadCipher {
    private static final int BLOCK = 16;
    private static final int MAX_PAD = BLOCK - 1;

    // Cipher.getInstance is a provider lookup; one instance per thread, re-initialised per packet.
    private static final ThreadLocal<Cipher> AES_CBC = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/CBC/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks AES/CBC/NoPadding", e);
        }
    });

    private PayloadCipher() {
    }

    /** Encrypts with a fresh random IV from {@code rnd}; NONE returns a copy of the plaintext. */
    public static byte[] encrypt(ConfidentialityAlgorithm alg, byte[] k2, byte[] plaintext, SecureRandom rnd) {
        Objects.requireNonNull(alg, "alg");
        Objects.requireNonNull(plaintext, "plaintext");
        if (alg == ConfidentialityAlgorithm.NONE) {
            return plaintext.clone();
        }
        requireAes(alg);
        byte[] iv = new byte[BLOCK];
        rnd.nextBytes(iv); // §13.29: the IV must be unpredictable, fresh per packet
        return encrypt(alg, k2, plaintext, iv);
    }

    /** As {@link #encrypt(ConfidentialityAlgorithm, byte[], byte[], SecureRandom)} with a fixed IV: tests and {@link CryptoWarmUp}. */
    static byte[] encrypt(ConfidentialityAlgorithm alg, byte[] k2, byte[] plaintext, byte[] iv) {
        Objects.requireNonNull(alg, "alg");
        if (alg == ConfidentialityAlgorithm.NONE) {
            return plaintext.clone();
        }
        requireAes(alg);
        if (iv.length != BLOCK) {
            throw new IllegalArgumentException("IV must be 16 bytes");
        }
        // §13.29: pad so that data | pad | pad-length is a whole number of blocks.
        int pad = (BLOCK - (plaintext.length + 1) % BLOCK) % BLOCK;
        int encLen = plaintext.length + pad + 1;
        byte[] buf = Arrays.copyOf(plaintext, encLen);
        for (int i = 0; i < pad; i++) {
            buf[plaintext.length + i] = (byte) (i + 1);
        }
        buf[encLen - 1] = (byte) pad;
        byte[] out = Arrays.copyOf(iv, BLOCK + encLen);
        try {
            Cipher c = AES_CBC.get();
            c.init(Cipher.ENCRYPT_MODE, aesKey(k2), new IvParameterSpec(iv));
            c.doFinal(buf, 0, encLen, out, BLOCK);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC encryption failed", e);
        }
        return out;
    }

    /**
     * Decrypts a received payload and strips the confidentiality trailer. Whatever the payload bytes,
     * the only exception is {@link MalformedPacketException}; a null or short K2 is a caller bug and
     * raises {@link IllegalArgumentException}.
     */
    public static byte[] decrypt(ConfidentialityAlgorithm alg, byte[] k2, byte[] payload)
            throws MalformedPacketException {
        Objects.requireNonNull(alg, "alg");
        if (payload == null) {
            throw new MalformedPacketException("no payload");
        }
        if (alg == ConfidentialityAlgorithm.NONE) {
            return payload.clone();
        }
        if (alg != ConfidentialityAlgorithm.AES_CBC_128) {
            // The algorithm may come from the BMC's Open Session Response, so this is input too.
            throw new MalformedPacketException(alg + " payloads are not supported");
        }
        int encLen = payload.length - BLOCK;
        if (encLen < BLOCK || encLen % BLOCK != 0) {
            throw new MalformedPacketException("AES-CBC-128 payload length " + payload.length
                    + " is not a 16-byte IV plus a positive multiple of 16");
        }
        byte[] plain;
        try {
            Cipher c = AES_CBC.get();
            c.init(Cipher.DECRYPT_MODE, aesKey(k2), new IvParameterSpec(payload, 0, BLOCK));
            plain = c.doFinal(payload, BLOCK, encLen);
        } catch (GeneralSecurityException e) {
            // Unreachable with NoPadding and whole blocks, but never let it escape as another type.
            throw new MalformedPacketException("AES-CBC-128 decryption failed: " + e.getMessage());
        }
        int pad = plain[plain.length - 1] & 0xFF;
        if (pad > MAX_PAD) {
            throw new MalformedPacketException("confidentiality pad length " + pad + " > 15");
        }
        // pad <= 15 < plain.length, so the data length below is never negative.
        return Arrays.copyOf(plain, plain.length - 1 - pad);
    }

    private static void requireAes(ConfidentialityAlgorithm alg) {
        if (alg != ConfidentialityAlgorithm.AES_CBC_128) {
            throw new UnsupportedOperationException(alg + " is not supported");
        }
    }

    /** §13.29: the AES-128 key is the first 128 bits of K2 (K2 is 16, 20 or 32 bytes). */
    private static SecretKeySpec aesKey(byte[] k2) {
        if (k2 == null || k2.length < BLOCK) {
            throw new IllegalArgumentException("K2 shorter than 16 bytes");
        }
        return new SecretKeySpec(k2, 0, BLOCK, "AES");
    }
}
