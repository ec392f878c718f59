package io.ipmirunner.cli;

import io.ipmirunner.install.InstallRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the bring-up playbook against the embedded simulated rack, which ipmi-runner starts in this
 * process; exactly {@code play playbooks/rack-bringup.yml -i inventory-examples/simulated-rack.yml}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the bring-up playbook against an embedded simulated rack (no hardware needed).")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY",
            description = "inventory (default inventory-examples/simulated-rack.yml)")
    String inventory;

    @Option(names = "--playbook", paramLabel = "FILE", description = "playbook (default playbooks/rack-bringup.yml)")
    String playbook;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "run directory (default under reports/out/)")
    Path reportDir;

    @Override
    public Integer call() {
        Path root = InstallRoot.path();
        List<String> args = new ArrayList<>(List.of("play",
                playbook != null ? playbook : root.resolve("playbooks").resolve("rack-bringup.yml").toString(),
                "-i", inventory != null ? inventory
                        : root.resolve("inventory-examples").resolve("simulated-rack.yml").toString()));
        if (reportDir != null) {
            args.addAll(List.of("--report-dir", reportDir.toString()));
        }
        return Main.run(args.toArray(String[]::new));
    }
}
