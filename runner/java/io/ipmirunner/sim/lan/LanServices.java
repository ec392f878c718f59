package io.ipmirunner.sim.lan;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What every simulated BMC of a fleet shares on the protocol side: a secure random source for session
 * ids, RAKP random numbers, challenges and IVs; a seeded generator for fault decisions (busy replies,
 * loss, latency), so a fleet's faults repeat with its seed; and the key that makes IPMI v1.5 challenges
 * verifiable without storing them. Not thread-safe: one event loop thread uses it.
 */
public final class LanServices {
    private final SecureRandom crypto;
    private final RandomGenerator chance;
    private final Mac challengeMac;

    public LanServices(SecureRandom crypto, RandomGenerator chance) {
        this.crypto = crypto;
        this.chance = chance;
        byte[] key = new byte[32];
        crypto.nextBytes(key);
        try {
            challengeMac = Mac.getInstance("HmacSHA256");
            challengeMac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks HmacSHA256", e);
        }
    }

    public static LanServices seeded(long faultSeed) {
        return new LanServices(new SecureRandom(), new SplittableRandom(faultSeed));
    }

    public SecureRandom crypto() {
        return crypto;
    }

    public RandomGenerator chance() {
        return chance;
    }

    /**
     * The IPMI v1.5 challenge string (§22.16) for a temporary session id: a MAC over the id, the auth type,
     * the BMC, its reset count and a time slot. Activate Session recomputes it, so no challenge is stored; a
     * cold reset or the passing of two slots invalidates the ones handed out before.
     */
    byte[] challenge(int bmcIndex, int resets, int temporaryId, int authType, long slot) {
        challengeMac.update(new byte[] {(byte) temporaryId, (byte) (temporaryId >> 8), (byte) (temporaryId >> 16),
                (byte) (temporaryId >> 24), (byte) authType, (byte) bmcIndex, (byte) (bmcIndex >> 8),
                (byte) (bmcIndex >> 16), (byte) (bmcIndex >> 24), (byte) resets, (byte) slot, (byte) (slot >> 8),
                (byte) (slot >> 16), (byte) (slot >> 24)});
        return Arrays.copyOf(challengeMac.doFinal(), 16);
    }

    /** A random 32-bit value other than 0, which IPMI reserves for "no session". */
    int nonZeroInt() {
        int v;
        do {
            v = crypto.nextInt();
        } while (v == 0);
        return v;
    }

    byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        crypto.nextBytes(b);
        return b;
    }
}
