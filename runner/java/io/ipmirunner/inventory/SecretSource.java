package io.ipmirunner.inventory;

import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.VaultValue;
import io.ipmirunner.secret.Secret;
import java.nio.file.Path;

/**
 * Where a BMC password or K_g comes from. Nothing is read here: files and environment variables are read,
 * and vault values decrypted, when a session needs them, so an inventory can be listed and checked on a
 * machine that holds none of the secrets.
 */
public sealed interface SecretSource {
    /** Safe to print: says where the secret is, never what it is. */
    String describe();

    /** Written in the inventory in clear (a warning-worthy habit, but Ansible inventories have it). */
    record Plain(Secret secret) implements SecretSource {
        @Override
        public String describe() {
            return "plain text in the inventory";
        }
    }

    /** {@code ipmi_password: !vault |} — decrypted by the vault. */
    record Vault(VaultValue value) implements SecretSource {
        @Override
        public String describe() {
            return "!vault value (vault id " + value.vaultId() + ") at " + value.at();
        }
    }

    /** {@code ipmi_password: {file: PATH}}: the file's content without a trailing newline. */
    record FromFile(Path path, Location at) implements SecretSource {
        @Override
        public String describe() {
            return "file " + path;
        }
    }

    /** {@code ipmi_password: {env: NAME}}. */
    record FromEnv(String variable, Location at) implements SecretSource {
        @Override
        public String describe() {
            return "environment variable " + variable;
        }
    }
}
