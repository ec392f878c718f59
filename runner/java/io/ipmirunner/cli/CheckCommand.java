package io.ipmirunner.cli;

import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.playbook.ExtraVars;
import io.ipmirunner.playbook.PlaybookCheck;
import io.ipmirunner.playbook.Playbook;
import io.ipmirunner.playbook.PlaybookParser;
import io.ipmirunner.playbook.graph.GraphNode;
import io.ipmirunner.playbook.graph.GraphCheck;
import io.ipmirunner.playbook.graph.TaskGraph;
import io.ipmirunner.yaml.InvalidInputException;
import io.ipmirunner.vault.VaultKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code check PLAYBOOK -i INV}: everything that can be known wrong without a BMC. Prints one
 * {@code file:line:column: message} line per problem and exits 4, or a one-line summary and exits 0.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate a playbook against an inventory without touching any BMC (exit 0 or 4).")
public final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAYBOOK")
    Path playbook;

    @Mixin
    InventoryOptions inventories;

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS",
            description = "key=value, @FILE or {json} (repeatable), as the run will get them")
    List<String> extraVars = new ArrayList<>();

    @Mixin
    VaultOptions vault;

    @Override
    public Integer call() {
        List<String> errors = new ArrayList<>();
        Playbook parsed = null;
        Inventory inventory = null;
        VaultKeys keys = vault.keys();
        inventories.require();
        try {
            parsed = PlaybookParser.parse(playbook, keys);
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> errors.add(p.toString()));
        }
        try {
            inventory = inventories.load(Optional.ofNullable(playbook.toAbsolutePath().getParent()), keys);
            InventoryCommand.printWarnings(inventory.warnings());
            errors.addAll(VaultCheck.problems(inventory, keys));
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> errors.add(p.toString()));
        }
        PlaybookCheck.Result result = null;
        TaskGraph graph = parsed == null ? null : TaskGraph.of(parsed);
        if (parsed != null && inventory != null) {
            try {
                result = PlaybookCheck.run(parsed, inventory, inventories.narrow(inventory, inventories.limitPattern()),
                        ExtraVars.parse(extraVars));
                result.errors().list().forEach(p -> errors.add(p.toString()));
                InventoryCommand.printWarnings(result.warnings().list());
                InventoryCommand.printWarnings(GraphCheck.warnings(graph));
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> errors.add(p.toString()));
            }
        }
        if (!errors.isEmpty()) {
            errors.forEach(System.err::println);
            // The verdict goes where "ok: ..." goes, so stderr holds the problems and nothing else.
            System.out.println("check: " + errors.size() + " problem" + (errors.size() == 1 ? "" : "s"));
            return ExitCodes.PARSE_ERROR;
        }
        long tasks = graph.nodes().stream().filter(n -> n instanceof GraphNode.TaskNode
                || n instanceof GraphNode.HandlerNode).count();
        System.out.println("ok: " + parsed.plays().size() + " play(s), " + tasks + " task(s) and handler(s), hosts per "
                + "play " + result.hostCounts());
        return ExitCodes.OK;
    }
}
