package io.ipmirunner.vault;

import io.ipmirunner.secret.Decrypter;
import io.ipmirunner.secret.DecryptionException;
import io.ipmirunner.secret.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The vault passwords of a run, in the order given. Opens both formats; for an envelope that names a vault id,
 * the passwords of that id are tried first, then the others (as Ansible does unless told to match ids only).
 * The same envelope is often shared by many hosts (a password in group_vars), and Argon2id is slow on purpose,
 * so each distinct envelope is opened once per run; {@link #close} wipes what was kept.
 */
public final class VaultKeys implements Decrypter, AutoCloseable {
    private final List<VaultSecret> secrets;
    private final Map<String, Secret> opened = new ConcurrentHashMap<>();

    public VaultKeys(List<VaultSecret> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    /** The password new text is encrypted with: the first one given. */
    public VaultSecret forEncryption() {
        if (secrets.isEmpty()) {
            throw new DecryptionException("no vault password given (use --vault-password-file, --vault-id or "
                    + "--ask-vault-pass)");
        }
        return secrets.getFirst();
    }

    @Override
    public byte[] decrypt(String vaulttext) {
        if (secrets.isEmpty()) {
            return NONE.decrypt(vaulttext);
        }
        Secret s = opened.computeIfAbsent(vaulttext, t -> {
            byte[] plain = open(t);
            try {
                return Secret.of(plain, "vault");
            } finally {
                java.util.Arrays.fill(plain, (byte) 0);
            }
        });
        return s.reveal();
    }

    private byte[] open(String text) {
        String t = text.strip();
        if (t.startsWith(AnsibleVault.HEADER + ";")) {
            AnsibleVault.Envelope e = AnsibleVault.parse(t);
            return AnsibleVault.decrypt(e, ordered(e.vaultId().orElse(VaultSecret.DEFAULT_ID)));
        }
        if (text.startsWith(NativeVault.HEADER + ";")) {
            String[] header = text.lines().findFirst().orElse("").split(";", -1);
            return NativeVault.decrypt(text, ordered(header.length == 3 ? header[2] : VaultSecret.DEFAULT_ID));
        }
        throw new DecryptionException("not vault-encrypted text (it starts with neither " + AnsibleVault.HEADER
                + " nor " + NativeVault.HEADER + ")");
    }

    private List<VaultSecret> ordered(String id) {
        List<VaultSecret> out = new ArrayList<>();
        Stream.concat(secrets.stream().filter(s -> s.id().equals(id)), secrets.stream()
                .filter(s -> !s.id().equals(id))).forEach(out::add);
        return out;
    }

    @Override
    public void close() {
        opened.values().forEach(Secret::wipe);
        opened.clear();
        secrets.forEach(s -> s.password().wipe());
    }
}
