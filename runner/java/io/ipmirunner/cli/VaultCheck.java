package io.ipmirunner.cli;

import io.ipmirunner.inventory.BmcConnection;
import io.ipmirunner.inventory.Host;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.inventory.SecretSource;
import io.ipmirunner.secret.DecryptionException;
import io.ipmirunner.vault.VaultKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * For {@code check}: when vault passwords are given, every inline {@code !vault} BMC secret must open with them,
 * so a wrong or missing password shows before a run rather than host by host during it.
 */
final class VaultCheck {
    private VaultCheck() {}

    /** One {@code file:line:column: message} per value that does not open (each distinct value once). */
    static List<String> problems(Inventory inventory, VaultKeys keys) {
        List<String> out = new ArrayList<>();
        if (keys.isEmpty()) {
            return out;
        }
        Set<String> tried = new LinkedHashSet<>();
        for (Host h : inventory.hosts().values()) {
            BmcConnection b = h.bmc();
            Stream.concat(Stream.of(b.password(), b.kg()), b.credentials().stream()
                    .flatMap(c -> Stream.of(c.password(), c.kg())))
                    .flatMap(Optional::stream)
                    .filter(s -> s instanceof SecretSource.Vault)
                    .map(s -> ((SecretSource.Vault) s).value())
                    .filter(v -> tried.add(v.envelope()))
                    .forEach(v -> {
                        try {
                            Arrays.fill(keys.decrypt(v.envelope()), (byte) 0);
                        } catch (DecryptionException e) {
                            out.add(v.at() + ": " + e.getMessage());
                        }
                    });
        }
        return out;
    }
}
