package io.ipmirunner.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.secret.DecryptionException;
import io.ipmirunner.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeVaultTest {
    /** Cheap Argon2id so the every-byte test stays quick; the cost is read from the header either way. */
    private static final NativeVault.Params CHEAP = new NativeVault.Params(256, 1, 1);
    private static final byte[] PLAINTEXT = "ipmi_password: Fleet-Pa55\n".getBytes(StandardCharsets.UTF_8);

    private static VaultSecret key(String id, String pw) {
        return new VaultSecret(id, Secret.of(pw, "test"));
    }

    @Test
    void roundTripWithTheRightPasswordOnly() {
        String text = NativeVault.encrypt(PLAINTEXT, key("prod", "right"), CHEAP);
        assertTrue(text.startsWith("$IPMI_RUNNER_VAULT;1;prod\n"), text);
        assertTrue(text.lines().allMatch(l -> l.length() <= 76), text);
        VaultKeys keys = new VaultKeys(List.of(key("default", "wrong"), key("prod", "right")));
        assertArrayEquals(PLAINTEXT, keys.decrypt(text));
        assertArrayEquals(PLAINTEXT, keys.decrypt(text.stripTrailing()), "as a YAML |- block gives it");
        assertArrayEquals(PLAINTEXT, keys.decrypt(text + "\n\n"), "as a YAML |+ block may give it");
        DecryptionException e = assertThrows(DecryptionException.class,
                () -> new VaultKeys(List.of(key("prod", "wrong"))).decrypt(text));
        assertTrue(e.getMessage().contains("wrong vault password"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong\""));
    }

    @Test
    void defaultParametersAreWrittenInTheHeader() {
        String text = NativeVault.encrypt(PLAINTEXT, key("default", "pw"), NativeVault.Params.DEFAULT);
        byte[] blob = java.util.Base64.getDecoder().decode(String.join("", text.lines().skip(1).toList()));
        assertEquals(64 * 1024, java.nio.ByteBuffer.wrap(blob, 8, 4).getInt());
        assertEquals(3, java.nio.ByteBuffer.wrap(blob, 12, 4).getInt());
        assertEquals(4, blob[16]);
        assertArrayEquals(PLAINTEXT, new VaultKeys(List.of(key("default", "pw"))).decrypt(text));
    }

    @Test
    void twoEncryptionsDiffer() {
        assertNotEquals(NativeVault.encrypt(PLAINTEXT, key("default", "pw"), CHEAP),
                NativeVault.encrypt(PLAINTEXT, key("default", "pw"), CHEAP));
    }

    @Test
    void everyChangedByteFailsWithAClearError() {
        String text = NativeVault.encrypt(PLAINTEXT, key("prod", "pw"), CHEAP);
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i++) {
            for (int flip : new int[] {0x01, 0x20, 0x80}) {
                byte[] t = bytes.clone();
                t[i] ^= (byte) flip;
                String tampered = new String(t, StandardCharsets.ISO_8859_1);
                int at = i;
                DecryptionException e = assertThrows(DecryptionException.class,
                        () -> new VaultKeys(List.of(key("prod", "pw"))).decrypt(tampered),
                        "byte " + at + " ^ " + flip + " went unnoticed");
                assertTrue(e.getMessage().matches(".*(damaged or was changed|wrong vault password|not an ipmi-runner"
                        + " vault|neither|out of range).*"), e.getMessage());
            }
        }
    }

    @Test
    void rekeyOpensOnlyWithTheNewPassword() {
        String text = NativeVault.encrypt(PLAINTEXT, key("default", "old"), CHEAP);
        byte[] plain = new VaultKeys(List.of(key("default", "old"))).decrypt(text);
        String rekeyed = NativeVault.encrypt(plain, key("default", "new"), CHEAP);
        assertArrayEquals(PLAINTEXT, new VaultKeys(List.of(key("default", "new"))).decrypt(rekeyed));
        assertThrows(DecryptionException.class, () -> new VaultKeys(List.of(key("default", "old"))).decrypt(rekeyed));
    }
}
