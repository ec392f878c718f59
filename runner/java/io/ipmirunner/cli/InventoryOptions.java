package io.ipmirunner.cli;

import io.ipmirunner.inventory.HostPattern;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.inventory.InventoryLoader;
import io.ipmirunner.inventory.Shard;
import io.ipmirunner.secret.Decrypter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code -i}, {@code -l}, {@code --shard} and {@code --max-inventory-hosts}, the same in every command that reads
 * an inventory.
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

    @Option(names = "--shard", paramLabel = "K/N", description = "only shard K of N of the inventory (1-based; "
            + "auto/N takes K from $" + Shard.INDEX_VARIABLE + ", 0-based, as Kubernetes Indexed Jobs set it)")
    String shard;

    @Option(names = "--shard-by", paramLabel = "VAR", description = "with --shard: keep hosts with the same value "
            + "of the inventory variable VAR (a site, a rack) in one shard")
    String shardBy;

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

    /**
     * {@code limit} narrowed to {@code --shard}'s hosts, which are dealt from the whole inventory (so --limit
     * never moves a host to another shard). A shard that holds no host ends the command: exit 0, nothing to do.
     */
    Optional<HostPattern> narrow(Inventory inventory, Optional<HostPattern> limit) {
        Optional<Shard> s = shard();
        if (s.isEmpty()) {
            return limit;
        }
        List<String> hosts = new ArrayList<>(s.get().hosts(inventory));
        limit.ifPresent(l -> hosts.retainAll(l.match(inventory)));
        if (hosts.isEmpty()) {
            throw new UserError(ExitCodes.OK, "shard " + s.get().label() + " holds no host"
                    + (limit.isPresent() ? " within --limit" : "") + "; nothing to do");
        }
        // Terms that are host names match those hosts alone (as --retry-failed's limit does).
        return Optional.of(new HostPattern(String.join(",", hosts), List.copyOf(hosts)));
    }

    /** {@code --shard} and {@code --shard-by}, checked. */
    Optional<Shard> shard() {
        if (shard == null) {
            if (shardBy != null) {
                throw new UserError(ExitCodes.BAD_OPTIONS, "--shard-by needs --shard K/N");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(Shard.parse(shard, Optional.ofNullable(shardBy), System::getenv));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "--shard: " + e.getMessage());
        }
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
