package io.ipmirunner.cli;

import io.ipmirunner.config.ConfigException;
import io.ipmirunner.config.Environment;
import io.ipmirunner.config.Settings;
import io.ipmirunner.run.SetupError;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: one picocli subcommand per class; every failure becomes one line and an exit code. */
@Command(name = "ipmi-runner", mixinStandardHelpOptions = true, version = "ipmi-runner 0.1.0",
        description = "Declarative IPMI runner for server fleets.")
public final class Main implements Runnable {
    /**
     * The subcommands, in the order usage lists them. Only the one named on the command line is built:
     * picocli reads every command's annotations by reflection, and its own classes (Java 5 bytecode) are
     * left out of the JDK's start-up caches, so building all of them cost each run about 40 ms of its start.
     */
    private static final List<String> SUBCOMMANDS =
            List.of("exec", "console", "demo", "sim", "inventory", "graph", "check", "play", "vault", "report", "config",
                    "completion", "help");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static Object subcommand(String name, Settings settings) {
        return switch (name) {
            case "exec" -> new ExecCommand();
            case "console" -> new ConsoleCommand();
            case "demo" -> new DemoCommand();
            case "sim" -> new SimCommand();
            case "inventory" -> new InventoryCommand();
            case "graph" -> new GraphCommand();
            case "check" -> new CheckCommand();
            case "play" -> new PlayCommand();
            case "vault" -> new VaultCommand();
            case "report" -> new ReportCommand();
            case "config" -> new ConfigCommand(settings);
            case "completion" -> new CompletionCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The named subcommand alone, or all of them for usage, help and anything unknown. */
    private static void addSubcommands(CommandLine cl, Settings settings, String... args) {
        String named = "";
        for (String a : args) {
            if (!a.startsWith("-")) {
                named = a;
                break;
            }
        }
        boolean alone = SUBCOMMANDS.contains(named) && !named.equals("help");
        for (String name : alone ? List.of(named) : SUBCOMMANDS) {
            cl.addSubcommand(name, subcommand(name, settings));
        }
        if (cl.getSubcommands().containsKey("exec")) {
            ExecCommand.listModules(cl.getSubcommands().get("exec"));
        }
    }

    /** The whole command model, every subcommand in it: for completion scripts and man pages. */
    public static CommandLine full() {
        CommandLine cl = new CommandLine(new Main());
        addSubcommands(cl, Settings.none());
        return cl;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(Environment.system(), args);
    }

    /** As {@link #run(String...)}, with the configuration looked up in {@code env} (tests give their own). */
    static int run(Environment env, String... args) {
        Settings settings;
        try {
            settings = Settings.load(env);
        } catch (ConfigException e) {
            System.err.println("ipmi-runner: " + e.getMessage());
            return ExitCodes.BAD_OPTIONS;
        }
        CommandLine cl = new CommandLine(new Main());
        addSubcommands(cl, settings, args);
        // After the subcommands: the provider reaches those already added.
        cl.setDefaultValueProvider(new ConfigDefaults(settings));
        // "@FILE" belongs to the options that take it as Ansible does (-e @vars.yml, --limit @hosts.txt);
        // picocli would otherwise replace it with the file's words before any option sees it.
        cl.setExpandAtFiles(false);
        cl.setParameterExceptionHandler((ex, a) -> {
            System.err.println("ipmi-runner: " + ex.getMessage());
            // A mistyped option or command: picocli's nearest names ("Did you mean: play?").
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, System.err);
            return ExitCodes.BAD_OPTIONS;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
            if (ex instanceof UserError u) {
                System.err.println("ipmi-runner: " + u.getMessage());
                return u.exitCode();
            }
            if (ex instanceof SetupError s) {
                System.err.println("ipmi-runner: " + s.getMessage());
                return ExitCodes.BAD_OPTIONS;
            }
            System.err.println("ipmi-runner: unexpected error: " + ex);
            if (Verbosity.level() >= 3) {
                ex.printStackTrace();
            } else {
                System.err.println("(run with -vvv for the stack trace)");
            }
            return ExitCodes.UNEXPECTED;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
        throw new UserError(ExitCodes.BAD_OPTIONS, "a command is required");
    }
}
