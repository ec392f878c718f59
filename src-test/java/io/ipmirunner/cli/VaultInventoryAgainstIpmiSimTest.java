package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.Peers;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.vault.AnsibleVault;
import io.ipmirunner.vault.NativeVault;
import io.ipmirunner.vault.VaultSecret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vault-held BMC credentials end to end against ipmi_sim: an inline {@code !vault} password, a vault-encrypted
 * group_vars file, and a credential list whose first entry the BMC refuses.
 */
@Tag("interop")
class VaultInventoryAgainstIpmiSimTest {
    private static final String VAULT_PASSWORD = "vault-pw-for-tests";
    private static IpmiSim bmc;
    @TempDir
    static Path dir;
    private static Path vaultPasswordFile;

    @BeforeAll
    static void start() throws Exception {
        Peers.require("ipmi_sim");
        bmc = IpmiSim.builder().address("127.43.0.1").build();
        vaultPasswordFile = dir.resolve("vault-pw");
        Files.writeString(Files.createFile(vaultPasswordFile, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))), VAULT_PASSWORD + "\n");
    }

    @AfterAll
    static void stop() {
        if (bmc != null) {
            bmc.close();
        }
    }

    private static VaultSecret key(String id) {
        return new VaultSecret(id, Secret.of(VAULT_PASSWORD, "test"));
    }

    private static String inline(String text) {
        return "!vault |\n" + text.lines().map(l -> "          " + l + "\n").reduce("", String::concat);
    }

    private static String hostLine() {
        return "ipmi_host: " + bmc.host() + ", ipmi_port: " + bmc.port() + ", ipmi_cipher_suite: 3";
    }

    private static CliRun exec(Path inventory, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("exec", "all", "mc_info", "-i",
                inventory.toString(), "--vault-password-file", vaultPasswordFile.toString(), "--timeout", "5",
                "--json"));
        args.addAll(java.util.List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void credentialListFallsBackToTheSecondLoginAndSaysWhichWorked() throws Exception {
        String wrong = NativeVault.encrypt("Fleet-Wrong-1".getBytes(StandardCharsets.UTF_8), key("default"),
                new NativeVault.Params(1024, 1, 1));
        String right = AnsibleVault.encrypt(bmc.password().getBytes(StandardCharsets.UTF_8), key("default"));
        Path inv = dir.resolve("creds.yml");
        Files.writeString(inv, "all:\n  hosts:\n    bmc1:\n      " + hostLine().replace(", ", "\n      ")
                + "\n      ipmi_credentials:\n        - label: fleet\n          user: " + bmc.username()
                + "\n          password: " + inline(wrong).replace("\n          ", "\n                ")
                + "        - label: factory\n          user: " + bmc.username() + "\n          password: "
                + inline(right).replace("\n          ", "\n                "));
        CliRun r = exec(inv);
        assertEquals(0, r.exit(), r.toString() + "\n" + Files.readString(inv));
        assertTrue(r.out().contains("\"credential\":\"factory\"") || r.out().contains("\"credential\": \"factory\""),
                r.toString());
        assertFalse(r.out().contains(bmc.password()) || r.err().contains(bmc.password()), r.toString());
    }

    @Test
    void noAcceptedCredentialFailsNamingTheLabelsTried() throws Exception {
        Path inv = dir.resolve("all-wrong.yml");
        Files.writeString(inv, "all:\n  hosts:\n    bmc1: {" + hostLine() + ", ipmi_credentials: [{label: a, user: "
                + bmc.username() + ", password: nope-1}, {label: b, user: " + bmc.username() + ", password: nope-2}]}\n");
        CliRun r = exec(inv);
        assertEquals(ExitCodes.HOST_FAILED, r.exit(), r.toString());
        assertTrue(r.out().contains("credentials tried: a, b"), r.toString());
        assertFalse(r.out().contains("nope-") || r.err().contains("nope-"), r.toString());
    }

    @Test
    void encryptedGroupVarsFileAndInlineVaultPassword() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site/group_vars"));
        Files.writeString(site.resolve("bmcs.yml"), AnsibleVault.encrypt(("ipmi_user: " + bmc.username()
                + "\nipmi_password: " + bmc.password() + "\n").getBytes(StandardCharsets.UTF_8), key("prod")));
        Files.writeString(site.getParent().resolve("hosts.yml"), "bmcs:\n  hosts:\n    bmc1: {" + hostLine() + "}\n");
        CliRun r = exec(site.getParent(), "--vault-id", "prod@" + vaultPasswordFile);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\"firmware\""), r.toString());

        CliRun noPassword = CliRun.of("exec", "all", "mc_info", "-i", site.getParent().toString());
        assertEquals(ExitCodes.PARSE_ERROR, noPassword.exit(), noPassword.toString());
        assertTrue(noPassword.err().contains("bmcs.yml:1:1: cannot open vault-encrypted file: no vault password "
                + "given"), noPassword.toString());

        Path inline = dir.resolve("inline.yml");
        Files.writeString(inline, "all:\n  hosts:\n    bmc1:\n      " + hostLine().replace(", ", "\n      ")
                + "\n      ipmi_user: " + bmc.username() + "\n      ipmi_password: " + inline(NativeVault.encrypt(
                bmc.password().getBytes(StandardCharsets.UTF_8), key("default"), new NativeVault.Params(1024, 1, 1)))
                .replace("\n          ", "\n        "));
        CliRun in = exec(inline);
        assertEquals(0, in.exit(), in.toString() + Files.readString(inline));
    }
}
