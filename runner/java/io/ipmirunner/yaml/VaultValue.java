package io.ipmirunner.yaml;

/**
 * A value written as {@code !vault |} (Ansible Vault inline encryption), kept as the ciphertext envelope
 * until the vault can decrypt it. The envelope is not secret, but nothing gains from printing it, so it masks
 * itself like a secret does.
 */
public record VaultValue(String envelope, Location at) {
    public static final String HEADER = "$ANSIBLE_VAULT;";

    /** The vault id of a 1.2 envelope ({@code $ANSIBLE_VAULT;1.2;AES256;prod}), or "default". */
    public String vaultId() {
        String[] header = envelope.strip().lines().findFirst().orElse("").split(";");
        return header.length >= 4 ? header[3].strip() : "default";
    }

    @Override
    public String toString() {
        return "!vault ********";
    }
}
