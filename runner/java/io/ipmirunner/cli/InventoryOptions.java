package io.ipmirunner.cli;

import io.ipmirunner.inventory.HostPattern;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.inventory.InventoryLoader;
import io.ipmirunner.secret.Decrypter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code -i}, {@code -l} and {@code --max-inventory-hosts}, the same in every command that reads an inventory.
 * {@code -i} is optional here: play, check and inventory ask for it ({@link #require}); exec reads a literal
 * host list without it, graph counts no hosts.
 */
public final class InventoryOptions {
    @Option(names = {"-i", "--inventory"}, paramLabel = "INV",
            description = "inventory file, directory or comma-separated host list (repeatable)")
    List<String> inventories = new ArrayList<>();

    @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN", description = "only these hosts (@FILE: one per line)")
    String limit;

    @Option(names = "--max-inventory-hosts", paramLabel = "N",
            defaultValue = "" + InventoryLoader.Options.DEFAULT_MAX_HOSTS,
            description = "refuse inventories (and ranges) of more hosts than this (default ${DEFAULT-VALUE})")
    int maxHosts;

    boolean given() {
        return !inventories.isEmpty();
    }

    /** For commands that cannot do without an inventory. */
    InventoryOptions require() {
        if (!given()) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "missing required option: '--inventory=INV' (or inventory in "
                    + "ipmi-runner.cfg, or IPMI_RUNNER_INVENTORY)");
        }
        return this;
    }

    List<String> sources() {
        return inventories;
    }

    String limitText() {
        return limit;
    }

    int maxHosts() {
        if (maxHosts < 1) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "--max-inventory-hosts must be at least 1");
        }
        return maxHosts;
    }

    /**
     * Loads the inventories, also reading {@code playbookDir}'s group_vars and host_vars. Vault-encrypted files
     * open with {@code vault}; inline {@code !vault} values stay closed until used.
     */
    Inventory load(Optional<Path> playbookDir, Decrypter vault) {
        return Inventory.load(inventories, new InventoryLoader.Options(maxHosts(), playbookDir, vault));
    }

    /** {@code --limit} as a pattern. */
    Optional<HostPattern> limitPattern() {
        if (limit == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(HostPattern.parseLimit(limit));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "--limit: " + e.getMessage());
        }
    }
}
