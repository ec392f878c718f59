package io.ipmirunner.cli;

import io.ipmirunner.inventory.HostPattern;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.inventory.InventoryListing;
import io.ipmirunner.yaml.InvalidInputException;
import io.ipmirunner.yaml.Problem;
import io.ipmirunner.util.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code inventory -i INV --list | --graph [GROUP] | --host HOST}: what ipmi-runner reads from an inventory. */
@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "Show an inventory as ipmi-runner reads it (the shapes of ansible-inventory).")
public final class InventoryCommand implements Callable<Integer> {
    @Mixin
    InventoryOptions inventories;

    static final class Mode {
        @Option(names = "--list", description = "all hosts with their merged variables, as JSON (secrets masked)")
        boolean list;

        @Option(names = "--graph", arity = "0..1", fallbackValue = "all", paramLabel = "GROUP",
                description = "the group tree from GROUP (default all)")
        String graph;

        @Option(names = "--host", paramLabel = "HOST", description = "one host's merged variables, as JSON")
        String host;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Option(names = "--vars", description = "with --graph: show variables too")
    boolean vars;

    @Option(names = "--playbook-dir", paramLabel = "DIR", description = "also read DIR/group_vars and DIR/host_vars")
    Path playbookDir;

    @Mixin
    VaultOptions vault;

    @Override
    public Integer call() {
        Inventory inventory;
        try {
            inventory = inventories.require().load(Optional.ofNullable(playbookDir), vault.keys());
        } catch (InvalidInputException e) {
            return printProblems(e);
        }
        printWarnings(inventory.warnings());
        Optional<HostPattern> limitPattern = inventories.narrow(inventory, inventories.limitPattern());
        if (mode.list) {
            System.out.println(Json.pretty(InventoryListing.list(inventory, limitPattern)));
        } else if (mode.graph != null) {
            try {
                System.out.println(InventoryListing.graph(inventory, mode.graph, vars));
            } catch (IllegalArgumentException e) {
                throw new UserError(ExitCodes.BAD_OPTIONS, e.getMessage());
            }
        } else {
            var h = inventory.host(mode.host).orElseThrow(() -> new UserError(ExitCodes.BAD_OPTIONS,
                    "no host '" + mode.host + "' in the inventory"));
            Map<String, Object> sorted = new TreeMap<>(h.plainVars());
            System.out.println(Json.pretty(sorted));
        }
        return ExitCodes.OK;
    }

    /** One {@code file:line:column: message} line per problem on stderr; the parse-error exit code. */
    static int printProblems(InvalidInputException e) {
        e.problems().forEach(p -> System.err.println(p));
        return ExitCodes.PARSE_ERROR;
    }

    static void printWarnings(List<Problem> warnings) {
        warnings.forEach(w -> System.err.println(w.at() + ": warning: " + w.message()));
    }
}
