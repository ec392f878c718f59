package io.ipmirunner.vault;

import java.util.Locale;
import java.util.Optional;

/** The two ways to write vault text: ipmi-runner's own (the default for new text) and Ansible Vault's. */
public enum VaultFormat {
    NATIVE, ANSIBLE;

    public String encrypt(byte[] plaintext, VaultSecret key) {
        return this == NATIVE ? NativeVault.encrypt(plaintext, key, NativeVault.Params.DEFAULT)
                : AnsibleVault.encrypt(plaintext, key);
    }

    /** The format of existing vault text, by its first line. */
    public static Optional<VaultFormat> of(String text) {
        if (text.startsWith(NativeVault.HEADER + ";")) {
            return Optional.of(NATIVE);
        }
        return text.startsWith(AnsibleVault.HEADER + ";") ? Optional.of(ANSIBLE) : Optional.empty();
    }

    public static VaultFormat parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "native" -> NATIVE;
            case "ansible" -> ANSIBLE;
            default -> throw new IllegalArgumentException("--format must be native or ansible, got '" + name + "'");
        };
    }
}
