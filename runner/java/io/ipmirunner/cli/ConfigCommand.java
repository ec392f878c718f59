package io.ipmirunner.cli;

import io.ipmirunner.config.Setting;
import io.ipmirunner.config.Settings;
import io.ipmirunner.config.Value;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code config dump [--only-changed]}: each setting, its value and where it came from (docs/configuration.md). */
@Command(name = "config", mixinStandardHelpOptions = true, subcommands = ConfigCommand.Dump.class,
        description = "Show the configuration (ipmi-runner.cfg and IPMI_RUNNER_* variables).")
public final class ConfigCommand implements Runnable {
    private final Settings settings;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    ConfigCommand(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
        throw new UserError(ExitCodes.BAD_OPTIONS, "config: a subcommand is required");
    }

    @Command(name = "dump", mixinStandardHelpOptions = true,
            description = "Print every setting as KEY = VALUE (ORIGIN): a file:line, env NAME, or default.")
    static final class Dump implements Callable<Integer> {
        @ParentCommand
        ConfigCommand parent;

        @Option(names = "--only-changed", description = "only the settings a file or variable gives")
        boolean onlyChanged;

        @Override
        public Integer call() {
            Settings s = parent.settings;
            System.out.println("config file: " + s.file().map(Object::toString).orElse("none") + " (searched: "
                    + String.join(", ", s.searched().stream().map(Object::toString).toList()) + ")");
            for (Setting setting : Setting.values()) {
                Optional<Value> v = s.get(setting);
                if (v.isPresent()) {
                    System.out.println(setting.key() + " = " + v.get().text() + "  (" + v.get().origin() + ")");
                } else if (!onlyChanged) {
                    System.out.println(setting.key() + " = " + setting.builtIn() + "  (default)");
                }
            }
            return ExitCodes.OK;
        }
    }
}
