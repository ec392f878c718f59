package io.ipmirunner.vault;

import io.ipmirunner.secret.Secret;

/**
 * One vault password and the vault id it answers to ({@code --vault-id prod@FILE}), as Ansible pairs them.
 * A password given without a label answers to {@value #DEFAULT_ID}.
 */
public record VaultSecret(String id, Secret password) {
    public static final String DEFAULT_ID = "default";

    public VaultSecret {
        if (id.isEmpty() || id.contains(";") || id.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new IllegalArgumentException("vault id '" + id + "' must be non-empty, without ';' or spaces");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("the vault password for id '" + id + "' is empty");
        }
    }

    public boolean isDefault() {
        return DEFAULT_ID.equals(id);
    }
}
