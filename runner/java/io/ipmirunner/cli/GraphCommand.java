package io.ipmirunner.cli;

import io.ipmirunner.inventory.HostPattern;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.playbook.Play;
import io.ipmirunner.playbook.Playbook;
import io.ipmirunner.playbook.PlaybookParser;
import io.ipmirunner.playbook.graph.GraphPrinter;
import io.ipmirunner.playbook.graph.TaskGraph;
import io.ipmirunner.yaml.InvalidInputException;
import io.ipmirunner.vault.VaultKeys;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graph PLAYBOOK [-i INV] [--format text|dot|mermaid]}: what the playbook will do, in order. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Print a playbook's task graph: plays, tasks, blocks, handlers and how they connect.")
public final class GraphCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAYBOOK")
    Path playbook;

    /** Optional here: with an inventory, plays show how many hosts they select. */
    @Mixin
    InventoryOptions inventories;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), dot (Graphviz) or mermaid")
    String format;

    @Mixin
    VaultOptions vault;

    @Override
    public Integer call() {
        GraphPrinter.Format f;
        try {
            f = GraphPrinter.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "--format must be text, dot or mermaid, got '" + format + "'");
        }
        Playbook parsed;
        Function<Play, String> hostNote = p -> "";
        try {
            VaultKeys keys = vault.keys();
            parsed = PlaybookParser.parse(playbook, keys);
            if (inventories.given()) {
                Inventory inventory = inventories.load(Optional.ofNullable(playbook.toAbsolutePath().getParent()),
                        keys);
                InventoryCommand.printWarnings(inventory.warnings());
                Optional<HostPattern> l = inventories.narrow(inventory, inventories.limitPattern());
                hostNote = p -> " → " + inventory.select(HostPattern.parse(p.hostPattern()), l).size() + " hosts";
            }
        } catch (InvalidInputException e) {
            return InventoryCommand.printProblems(e);
        }
        System.out.println(GraphPrinter.print(TaskGraph.of(parsed), f, hostNote));
        return ExitCodes.OK;
    }
}
