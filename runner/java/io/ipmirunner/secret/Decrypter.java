package io.ipmirunner.secret;

/**
 * Opens vault-encrypted text (an Ansible Vault envelope or a native one). The parsers of inventories and
 * playbooks hold one of these instead of the vault itself, so they stay free of cryptography; the command line
 * builds it from {@code --vault-password-file}, {@code --vault-id} or {@code --ask-vault-pass}.
 */
@FunctionalInterface
public interface Decrypter {
    /** Used when no vault password was given: every encrypted value is an error that says how to give one. */
    Decrypter NONE = text -> {
        throw new DecryptionException("no vault password given (use --vault-password-file, --vault-id or "
                + "--ask-vault-pass)");
    };

    /** The plaintext bytes; the caller wipes them when done. */
    byte[] decrypt(String vaulttext);
}
