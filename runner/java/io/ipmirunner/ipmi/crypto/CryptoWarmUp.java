package io.ipmirunner.ipmi.crypto;

/**
 * Loads the JDK's security providers and the classes of an HMAC and an AES-CBC operation, once, off the engine's
 * thread. The first {@code Mac.getInstance} walks the provider list in order and loads each provider until one has
 * the algorithm (SunEC on the way, with its curve table): 8-12 ms on the engine thread at the first RAKP 2 of a
 * 1,000-host exec (JFR, issue 22), while every other BMC's RAKP 2 waits behind it.
 */
public final class CryptoWarmUp {
    private CryptoWarmUp() {}

    /** One MAC per RAKP algorithm and one AES-CBC encryption, on throw-away inputs; nothing is kept. */
    public static void run() {
        byte[] key = new byte[20];
        for (AuthAlgorithm a : AuthAlgorithm.values()) {
            a.keyedHash(key, key);
        }
        PayloadCipher.encrypt(ConfidentialityAlgorithm.AES_CBC_128, key, key, new byte[16]);
    }
}
