package io.ipmirunner.secret;

/** Vault text that cannot be opened: wrong password, tampered, or not a vault. The message never holds a secret. */
public final class DecryptionException extends RuntimeException {
    public DecryptionException(String message) {
        super(message, null, false, false);
    }
}
