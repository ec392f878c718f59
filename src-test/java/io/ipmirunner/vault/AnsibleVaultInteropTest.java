package io.ipmirunner.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.Peers;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.inventory.InventoryLoader;
import io.ipmirunner.inventory.SecretSource;
import io.ipmirunner.interop.ProcessResult;
import io.ipmirunner.yaml.SafeYaml;
import io.ipmirunner.yaml.VaultValue;
import io.ipmirunner.yaml.YamlMap;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.secret.DecryptionException;
import io.ipmirunner.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our Ansible Vault against Debian's {@code ansible-vault}: its files and inline strings open here, ours open
 * there, and with the same salt both write the same bytes. The password reaches ansible-vault in a 0600 file.
 */
@Tag("interop")
class AnsibleVaultInteropTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final byte[] PLAINTEXT = ("ipmi_password: s3cr3t\nnote: \"é ünïcode and a long line "
            + "x".repeat(40) + "\"\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    Path passwordFile;
    Path plain;

    @BeforeEach
    void files() throws Exception {
        Peers.require("ansible-vault");
        passwordFile = Files.createFile(dir.resolve("pw"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordFile, PASSWORD + "\n");
        plain = dir.resolve("plain.yml");
        Files.write(plain, PLAINTEXT);
    }

    private ProcessResult ansibleVault(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ansible-vault"));
        cmd.addAll(List.of(args));
        ProcessResult r = ProcessResult.run(cmd, env, dir, Duration.ofSeconds(60));
        assertEquals(0, r.exit(), r.toString());
        return r;
    }

    private static VaultSecret key(String id) {
        return new VaultSecret(id, Secret.of(PASSWORD, "test"));
    }

    /**
     * ansible-core 2.14 has no setting for the salt, so Ansible's own VaultLib (the code behind ansible-vault) is
     * called with one; the password stays in the 0600 file.
     */
    @Test
    void sameSaltSameBytesAsAnsibleVault() throws Exception {
        String salt = "0123456789abcdef0123456789abcdef";
        Path script = dir.resolve("encrypt.py");
        Files.writeString(script, """
                import sys
                from ansible.parsing.vault import VaultLib, VaultSecret
                password = open(sys.argv[1], 'rb').read().strip()
                plaintext = open(sys.argv[2], 'rb').read()
                vault_id = sys.argv[4] if len(sys.argv) > 4 else None
                sys.stdout.buffer.write(VaultLib().encrypt(plaintext, VaultSecret(password), vault_id, sys.argv[3]))
                """);
        String python = Files.readString(Peers.find("ansible-vault").orElseThrow()).lines().findFirst().orElseThrow()
                .replaceFirst("^#!\\s*", "").strip();
        byte[] s = salt.getBytes(StandardCharsets.US_ASCII);
        for (String id : List.of("default", "prod")) {
            List<String> cmd = new ArrayList<>(List.of(python, script.toString(), passwordFile.toString(),
                    plain.toString(), salt));
            if (!id.equals("default")) {
                cmd.add(id);
            }
            ProcessResult r = ProcessResult.run(cmd, Map.of(), dir, Duration.ofSeconds(60));
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.stdout().startsWith(id.equals("default") ? "$ANSIBLE_VAULT;1.1;AES256\n"
                    : "$ANSIBLE_VAULT;1.2;AES256;prod\n"), r.stdout());
            assertEquals(r.stdout(), AnsibleVault.encrypt(PLAINTEXT, key(id), s));
        }
    }

    @Test
    void filesWrittenByAnsibleVaultOpenHere() throws Exception {
        ansibleVault(Map.of(), "encrypt", "--vault-password-file", passwordFile.toString(), "--output",
                "v11.yml", plain.toString());
        ansibleVault(Map.of(), "encrypt", "--vault-id", "prod@" + passwordFile, "--output", "v12.yml",
                plain.toString());
        VaultKeys keys = new VaultKeys(List.of(new VaultSecret("other", Secret.of("nope", "t")), key("prod")));
        assertArrayEquals(PLAINTEXT, keys.decrypt(Files.readString(dir.resolve("v11.yml"))));
        assertArrayEquals(PLAINTEXT, keys.decrypt(Files.readString(dir.resolve("v12.yml"))));
        VaultKeys wrong = new VaultKeys(List.of(new VaultSecret("prod", Secret.of("wrong", "t"))));
        DecryptionException e = assertThrows(DecryptionException.class,
                () -> wrong.decrypt(Files.readString(dir.resolve("v12.yml"))));
        assertTrue(e.getMessage().contains("vault id prod"), e.getMessage());
    }

    @Test
    void inlineStringsWrittenByAnsibleVaultOpenHere() {
        for (String idOption : List.of(passwordFile.toString(), "ops@" + passwordFile)) {
            String yaml = ansibleVault(Map.of(), "encrypt_string", idOption.contains("@") ? "--vault-id"
                    : "--vault-password-file", idOption, "--name", "ipmi_password", "Fleet-Pa55").stdout();
            YamlMap m = (YamlMap) SafeYaml.parse(yaml, "encrypt_string");
            VaultValue v = (VaultValue) ((YamlScalar) m.get("ipmi_password").orElseThrow()).value();
            assertEquals(idOption.contains("@") ? "ops" : "default", v.vaultId());
            byte[] plainBytes = new VaultKeys(List.of(key("ops"))).decrypt(v.envelope());
            assertEquals("Fleet-Pa55", new String(plainBytes, StandardCharsets.UTF_8));
        }
    }

    @Test
    void filesWrittenHereOpenWithAnsibleVault() throws Exception {
        for (String id : List.of("default", "prod")) {
            Path f = dir.resolve("ours-" + id + ".yml");
            Files.writeString(f, AnsibleVault.encrypt(PLAINTEXT, key(id)));
            String idOption = id.equals("default") ? passwordFile.toString() : id + "@" + passwordFile;
            ProcessResult r = ansibleVault(Map.of(), "decrypt", "--vault-id", idOption, "--output", "-",
                    f.toString());
            assertArrayEquals(PLAINTEXT, r.stdout().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void groupVarsEncryptedByAnsibleVaultAreReadByTheInventory() throws Exception {
        Path inv = Files.createDirectories(dir.resolve("inv/group_vars"));
        Files.writeString(inv.resolve("bmcs.yml"), "ipmi_user: opsadmin\nipmi_password: Fleet-Pa55\n");
        ansibleVault(Map.of(), "encrypt", "--vault-id", "prod@" + passwordFile, inv.resolve("bmcs.yml").toString());
        assertTrue(Files.readString(inv.resolve("bmcs.yml")).startsWith("$ANSIBLE_VAULT;1.2;AES256;prod"));
        Files.writeString(inv.getParent().resolve("hosts.yml"), "bmcs:\n  hosts:\n    n1:\n");
        Inventory i = Inventory.load(List.of(inv.getParent().toString()), InventoryLoader.Options.defaults()
                .withVault(new VaultKeys(List.of(key("prod")))));
        assertEquals("opsadmin", i.host("n1").orElseThrow().bmc().user());
        assertTrue(i.host("n1").orElseThrow().bmc().password().orElseThrow() instanceof SecretSource.Plain p
                && p.secret().matches("Fleet-Pa55".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void tamperedAnsibleVaultFails() {
        String text = AnsibleVault.encrypt(PLAINTEXT, key("default"));
        char[] c = text.toCharArray();
        int at = text.indexOf('\n') + 100;
        c[at] = c[at] == '3' ? '6' : '3';
        assertThrows(DecryptionException.class, () -> new VaultKeys(List.of(key("default"))).decrypt(new String(c)));
    }
}
