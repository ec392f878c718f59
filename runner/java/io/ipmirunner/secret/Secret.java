package io.ipmirunner.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A secret value (BMC password, K_g, vault key). It masks itself wherever it could be printed:
 * {@code toString}, string concatenation, exception messages. The bytes are reachable only through
 * {@link #reveal()}, which callers use at the last moment (key derivation), and {@link #wipe()} zeroes them.
 */
public final class Secret {
    public static final String MASK = "********";

    private final byte[] value;
    private final String label;

    private Secret(byte[] value, String label) {
        this.value = value;
        this.label = label;
    }

    public static Secret of(byte[] value, String label) {
        return new Secret(value.clone(), label);
    }

    public static Secret of(String value, String label) {
        return new Secret(value.getBytes(StandardCharsets.UTF_8), label);
    }

    public static Secret empty() {
        return new Secret(new byte[0], "empty");
    }

    /** A copy of the secret bytes; the caller should wipe it when done. */
    public byte[] reveal() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    /** Where the secret came from, safe to print ("inventory", "env IPMI_PASSWORD", a credential label). */
    public String label() {
        return label;
    }

    public void wipe() {
        Arrays.fill(value, (byte) 0);
    }

    /** Constant-time comparison. */
    public boolean matches(byte[] other) {
        return MessageDigest.isEqual(value, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && MessageDigest.isEqual(value, s.value);
    }

    @Override
    public int hashCode() {
        return value.length;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
