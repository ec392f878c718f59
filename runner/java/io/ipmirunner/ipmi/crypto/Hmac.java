package io.ipmirunner.ipmi.crypto;

import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Package-private HMAC (RFC 2104) helper shared by RAKP, key derivation and packet integrity.
 *
 * <p>Why a cache: {@code Mac.getInstance} does a provider lookup; this code runs per packet for
 * thousands of sessions, so each thread keeps one {@link Mac} per algorithm and re-keys it.
 */
final class Hmac {
    /**
     * RFC 2104 §2 zero-pads any key shorter than the hash block size, so an empty key and a single
     * 0x00 byte give the same MAC. {@link SecretKeySpec} rejects empty keys, hence this stand-in
     * (an empty Kuid is legal: null passwords, IPMI v2.0 §13.31).
     */
    private static final byte[] EMPTY_KEY_EQUIVALENT = new byte[1];

    private static final ThreadLocal<Map<String, Mac>> MACS = ThreadLocal.withInitial(HashMap::new);

    private Hmac() {
    }

    private static Mac keyed(String jcaName, byte[] key) {
        Mac mac = MACS.get().computeIfAbsent(jcaName, n -> {
            try {
                return Mac.getInstance(n);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("JDK lacks " + n, e);
            }
        });
        byte[] k = key == null || key.length == 0 ? EMPTY_KEY_EQUIVALENT : key;
        try {
            mac.init(new SecretKeySpec(k, jcaName)); // init() also resets any half-finished state
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot key " + jcaName, e);
        }
        return mac;
    }

    /** HMAC over the concatenation of {@code parts} (null parts count as empty). */
    static byte[] mac(String jcaName, byte[] key, byte[]... parts) {
        Mac mac = keyed(jcaName, key);
        for (byte[] p : parts) {
            if (p != null) {
                mac.update(p);
            }
        }
        return mac.doFinal();
    }

    /** HMAC over {@code data[off, off+len)}. */
    static byte[] mac(String jcaName, byte[] key, byte[] data, int off, int len) {
        Mac mac = keyed(jcaName, key);
        mac.update(data, off, len);
        return mac.doFinal();
    }
}
