package io.ipmirunner.vault;

import io.ipmirunner.secret.DecryptionException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * ipmi-runner's own vault format: Argon2id (RFC 9106) derives an AES-256-GCM key from the password. Text, so it
 * fits in a file or under a YAML {@code !vault |}:
 * <pre>
 * $IPMI_RUNNER_VAULT;1;VAULT_ID
 * base64(header || ciphertext || GCM tag), in lines of 76 characters, a newline after the last
 * </pre>
 * The binary header, all of it the GCM additional data, so no byte of it can change unnoticed:
 * <pre>
 * magic "IPMIRV" (6) | version 1 (1) | KDF 1 = Argon2id v1.3 (1) | memory KiB (4, big endian) |
 * iterations (4) | parallelism (1) | salt (16) | cipher 1 = AES-256-GCM (1) | nonce (12) |
 * vault id length (1) | vault id (UTF-8)
 * </pre>
 * The text line repeats the version and vault id for people and for choosing a password; it must equal the
 * authenticated header, and the base64 must be exactly what this class writes, so a changed byte anywhere
 * fails.
 */
public final class NativeVault {
    public static final String HEADER = "$IPMI_RUNNER_VAULT";
    private static final byte[] MAGIC = "IPMIRV".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int KDF_ARGON2ID = 1;
    private static final int CIPHER_AES256_GCM = 1;
    private static final int SALT_LENGTH = 16;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final int LINE = 76;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Argon2id cost; the ceilings keep a forged header from making the reader allocate gigabytes. */
    public record Params(int memoryKib, int iterations, int parallelism) {
        /** RFC 9106 §4, the second recommended option: 64 MiB, 3 passes, 4 lanes. */
        public static final Params DEFAULT = new Params(64 * 1024, 3, 4);
        static final int MAX_MEMORY_KIB = 1 << 20;
        static final int MAX_ITERATIONS = 100;
        static final int MAX_PARALLELISM = 16;

        public Params {
            if (parallelism < 1 || parallelism > MAX_PARALLELISM || iterations < 1 || iterations > MAX_ITERATIONS
                    || memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
                throw new DecryptionException("Argon2id parameters out of range (memory " + memoryKib + " KiB, "
                        + iterations + " passes, " + parallelism + " lanes)");
            }
        }
    }

    private NativeVault() {}

    public static String encrypt(byte[] plaintext, VaultSecret key, Params params) {
        byte[] salt = random(SALT_LENGTH);
        byte[] nonce = random(NONCE_LENGTH);
        byte[] id = key.id().getBytes(StandardCharsets.UTF_8);
        ByteBuffer h = ByteBuffer.allocate(MAGIC.length + 13 + SALT_LENGTH + NONCE_LENGTH + id.length)
                .put(MAGIC).put((byte) VERSION).put((byte) KDF_ARGON2ID).putInt(params.memoryKib())
                .putInt(params.iterations()).put((byte) params.parallelism()).put(salt)
                .put((byte) CIPHER_AES256_GCM).put(nonce).put((byte) id.length).put(id);
        byte[] header = h.array();
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, key, params, salt, nonce, header, plaintext);
        byte[] blob = ByteBuffer.allocate(header.length + sealed.length).put(header).put(sealed).array();
        return render(key.id(), blob);
    }

    /** Tries the keys in order; any change to the text is reported as such, never as a plaintext. */
    static byte[] decrypt(String text, List<VaultSecret> keys) {
        List<String> lines = text.lines().toList();
        String first = lines.isEmpty() ? "" : lines.getFirst();
        String[] fields = first.split(";", -1);
        if (fields.length != 3 || !fields[0].equals(HEADER)) {
            throw new DecryptionException("not an ipmi-runner vault (bad header line)");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(String.join("", lines.subList(1, lines.size())));
        } catch (IllegalArgumentException e) {
            throw tampered("the body is not base64");
        }
        // YAML block scalars may keep or drop the final newlines; any other difference is a change.
        String canonical = render(fields[2], blob);
        if (!text.replaceFirst("\n+$", "").equals(canonical.substring(0, canonical.length() - 1))) {
            throw tampered("the text is not as written (header line or base64 changed)");
        }
        ByteBuffer b = ByteBuffer.wrap(blob);
        try {
            byte[] magic = new byte[MAGIC.length];
            b.get(magic);
            int version = b.get() & 0xff;
            if (!Arrays.equals(magic, MAGIC) || version != VERSION || !fields[1].equals(Integer.toString(version))) {
                throw tampered("unknown magic or version " + version);
            }
            if ((b.get() & 0xff) != KDF_ARGON2ID) {
                throw tampered("unknown key derivation");
            }
            Params params = new Params(b.getInt(), b.getInt(), b.get() & 0xff);
            byte[] salt = new byte[SALT_LENGTH];
            b.get(salt);
            if ((b.get() & 0xff) != CIPHER_AES256_GCM) {
                throw tampered("unknown cipher");
            }
            byte[] nonce = new byte[NONCE_LENGTH];
            b.get(nonce);
            byte[] id = new byte[b.get() & 0xff];
            b.get(id);
            if (!new String(id, StandardCharsets.UTF_8).equals(fields[2])) {
                throw tampered("the vault id of the header line differs from the authenticated one");
            }
            byte[] header = Arrays.copyOf(blob, b.position());
            byte[] sealed = Arrays.copyOfRange(blob, b.position(), blob.length);
            for (VaultSecret k : keys) {
                try {
                    return gcm(Cipher.DECRYPT_MODE, k, params, salt, nonce, header, sealed);
                } catch (DecryptionException wrongKey) {
                    // the next password may be the one
                }
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw tampered("the header is cut short");
        }
        throw new DecryptionException("ipmi-runner vault (vault id " + fields[2] + "): wrong vault password, or the "
                + "file was changed (authentication failed with " + keys.size() + " password(s) tried)");
    }

    private static byte[] gcm(int mode, VaultSecret key, Params params, byte[] salt, byte[] nonce, byte[] header,
                              byte[] input) {
        byte[] k = argon2id(key, params, salt);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(k, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(header);
            return c.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new DecryptionException("authentication failed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    private static byte[] argon2id(VaultSecret key, Params p, byte[] salt) {
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKib()).withIterations(p.iterations()).withParallelism(p.parallelism())
                .withSalt(salt).build());
        byte[] pw = key.password().reveal();
        byte[] out = new byte[32];
        try {
            g.generateBytes(pw, out);
            return out;
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    private static String render(String id, byte[] blob) {
        String body = Base64.getEncoder().encodeToString(blob);
        StringBuilder out = new StringBuilder(HEADER).append(';').append(VERSION).append(';').append(id).append('\n');
        for (int i = 0; i < body.length(); i += LINE) {
            out.append(body, i, Math.min(body.length(), i + LINE)).append('\n');
        }
        return out.toString();
    }

    private static DecryptionException tampered(String what) {
        return new DecryptionException("ipmi-runner vault is damaged or was changed: " + what);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
