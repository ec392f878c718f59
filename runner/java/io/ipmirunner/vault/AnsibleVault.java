package io.ipmirunner.vault;

import io.ipmirunner.secret.DecryptionException;
import io.ipmirunner.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Ansible Vault, format 1.1 and 1.2 (1.2 adds a vault id to the header), cipher AES256, as
 * {@code ansible/parsing/vault/__init__.py} (VaultAES256) writes it:
 * <pre>
 * $ANSIBLE_VAULT;1.1;AES256            or  $ANSIBLE_VAULT;1.2;AES256;VAULT_ID
 * hex( hex(salt) "\n" hex(hmac) "\n" hex(ciphertext) ), in lines of 80 characters, a newline after the last
 * </pre>
 * PBKDF2-HMAC-SHA256 (10000 iterations, 32-byte random salt) derives 80 bytes: the AES-256 key, the HMAC-SHA256
 * key, and the 16-byte initial counter of AES-CTR. The plaintext is PKCS#7-padded to the AES block first;
 * the HMAC covers the ciphertext only. Given the same salt, this writes what {@code ansible-vault} writes, byte for
 * byte ({@code ANSIBLE_VAULT_ENCRYPT_SALT} fixes Ansible's salt).
 */
public final class AnsibleVault {
    public static final String HEADER = "$ANSIBLE_VAULT";
    private static final int ITERATIONS = 10_000;
    private static final int KEY_LENGTH = 32;
    private static final int IV_LENGTH = 16;
    private static final int SALT_LENGTH = 32;
    private static final int LINE = 80;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A parsed envelope: the vault id of a 1.2 header, and the three parts of the payload. */
    record Envelope(String version, Optional<String> vaultId, byte[] salt, byte[] hmac, byte[] ciphertext) {}

    private AnsibleVault() {}

    public static String encrypt(byte[] plaintext, VaultSecret key) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, key, salt);
    }

    /** With a given salt: for the byte-for-byte comparison with {@code ansible-vault}. */
    static String encrypt(byte[] plaintext, VaultSecret key, byte[] salt) {
        byte[] derived = derive(key.password(), salt);
        try {
            byte[] padded = pad(plaintext);
            byte[] ciphertext = ctr(Cipher.ENCRYPT_MODE, derived, padded);
            Arrays.fill(padded, (byte) 0);
            HexFormat hex = HexFormat.of();
            String payload = hex.formatHex(salt) + "\n" + hex.formatHex(hmac(derived, ciphertext)) + "\n"
                    + hex.formatHex(ciphertext);
            String body = hex.formatHex(payload.getBytes(StandardCharsets.US_ASCII));
            String header = key.isDefault() ? HEADER + ";1.1;AES256" : HEADER + ";1.2;AES256;" + key.id();
            StringBuilder out = new StringBuilder(header).append('\n');
            for (int i = 0; i < body.length(); i += LINE) {
                out.append(body, i, Math.min(body.length(), i + LINE)).append('\n');
            }
            return out.toString();
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /** Tries the keys in order (the caller puts those whose id matches the envelope's first). */
    static byte[] decrypt(Envelope e, List<VaultSecret> keys) {
        for (VaultSecret k : keys) {
            byte[] derived = derive(k.password(), e.salt());
            try {
                if (MessageDigest.isEqual(hmac(derived, e.ciphertext()), e.hmac())) {
                    return unpad(ctr(Cipher.DECRYPT_MODE, derived, e.ciphertext()));
                }
            } finally {
                Arrays.fill(derived, (byte) 0);
            }
        }
        throw new DecryptionException("Ansible Vault " + e.version() + e.vaultId().map(id -> " (vault id " + id + ")")
                .orElse("") + ": no vault password given matches (HMAC check failed with " + keys.size() + " tried)");
    }

    static Envelope parse(String text) {
        List<String> lines = text.strip().lines().map(String::strip).toList();
        String[] header = lines.getFirst().split(";");
        if (header.length < 3 || !header[0].equals(HEADER)) {
            throw new DecryptionException("not an Ansible Vault envelope (bad header line)");
        }
        String version = header[1].strip();
        if (!version.equals("1.1") && !version.equals("1.2")) {
            throw new DecryptionException("Ansible Vault format " + version + " is not supported (1.1 and 1.2 are)");
        }
        if (!header[2].strip().equals("AES256")) {
            throw new DecryptionException("Ansible Vault cipher " + header[2].strip() + " is not supported (AES256 is)");
        }
        Optional<String> id = header.length >= 4 ? Optional.of(header[3].strip()) : Optional.empty();
        try {
            String payload = new String(HexFormat.of().parseHex(String.join("", lines.subList(1, lines.size()))),
                    StandardCharsets.US_ASCII);
            String[] parts = payload.split("\n", 3);
            if (parts.length != 3) {
                throw new DecryptionException("Ansible Vault payload has " + parts.length + " parts, not 3");
            }
            HexFormat hex = HexFormat.of();
            return new Envelope(version, id, hex.parseHex(parts[0]), hex.parseHex(parts[1]), hex.parseHex(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new DecryptionException("Ansible Vault payload is not valid hex");
        }
    }

    private static byte[] derive(Secret password, byte[] salt) {
        byte[] pw = password.reveal();
        try {
            PKCS5S2ParametersGenerator kdf = new PKCS5S2ParametersGenerator(new SHA256Digest());
            kdf.init(pw, salt, ITERATIONS);
            return ((KeyParameter) kdf.generateDerivedParameters((2 * KEY_LENGTH + IV_LENGTH) * 8)).getKey();
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    private static byte[] ctr(int mode, byte[] derived, byte[] input) {
        try {
            Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
            c.init(mode, new SecretKeySpec(derived, 0, KEY_LENGTH, "AES"),
                    new IvParameterSpec(derived, 2 * KEY_LENGTH, IV_LENGTH));
            return c.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR is part of every JDK", e);
        }
    }

    private static byte[] hmac(byte[] derived, byte[] ciphertext) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derived, KEY_LENGTH, KEY_LENGTH, "HmacSHA256"));
            return mac.doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** PKCS#7 to the 16-byte AES block: always 1 to 16 bytes of padding. */
    private static byte[] pad(byte[] plaintext) {
        int n = 16 - plaintext.length % 16;
        byte[] out = Arrays.copyOf(plaintext, plaintext.length + n);
        Arrays.fill(out, plaintext.length, out.length, (byte) n);
        return out;
    }

    private static byte[] unpad(byte[] padded) {
        int n = padded.length == 0 ? 0 : padded[padded.length - 1] & 0xff;
        boolean ok = n >= 1 && n <= 16 && n <= padded.length;
        for (int i = padded.length - n; ok && i < padded.length; i++) {
            ok = (padded[i] & 0xff) == n;
        }
        if (!ok) {
            Arrays.fill(padded, (byte) 0);
            throw new DecryptionException("Ansible Vault plaintext has bad padding");
        }
        byte[] out = Arrays.copyOf(padded, padded.length - n);
        Arrays.fill(padded, (byte) 0);
        return out;
    }
}
