package io.ipmirunner.yaml;

import io.ipmirunner.secret.Decrypter;
import io.ipmirunner.secret.DecryptionException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Whole files encrypted with Ansible Vault or ipmi-runner's vault: recognised by their first line, opened here. */
public final class VaultText {
    /** Ansible's header and ipmi-runner's native one. */
    private static final String[] HEADERS = {VaultValue.HEADER, "$IPMI_RUNNER_VAULT;"};

    private VaultText() {}

    public static boolean isEncrypted(String text) {
        return Arrays.stream(HEADERS).anyMatch(text::startsWith);
    }

    /**
     * The text itself when it is not encrypted, else its plaintext; an {@link InvalidInputException} at
     * {@code shown:1:1} when it cannot be opened.
     */
    public static String open(String text, String shown, Decrypter vault) {
        if (!isEncrypted(text)) {
            return text;
        }
        byte[] plain;
        try {
            plain = vault.decrypt(text);
        } catch (DecryptionException e) {
            throw new InvalidInputException(new Location(shown, 1, 1), "cannot open vault-encrypted file: "
                    + e.getMessage());
        }
        try {
            return new String(plain, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }
}
