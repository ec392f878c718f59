package io.ipmirunner.cli;

import io.ipmirunner.config.ConfigException;
import io.ipmirunner.config.Environment;
import io.ipmirunner.config.Settings;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.crypto.CryptoWarmUp;
import io.ipmirunner.run.SetupError;
import java.nio.channels.spi.SelectorProvider;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: one picocli subcommand per class; every failure becomes one line and an exit code. */
@Command(name = "ipmi-runner", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "Declarative IPMI runner for server fleets.")
public final class Main implements Runnable {
    static final String VERSION = "ipmi-runner 0.1.0";

    /**
     * The subcommands, in the order usage lists them. Only the one named on the command line is built:
     * picocli reads every command's annotations by reflection, and its own classes (Java 5 bytecode) are
     * left out of the JDK's start-up caches, so building all of them cost each run about 40 ms of its start.
     */
    private static final List<String> SUBCOMMANDS =
            List.of("exec", "console", "demo", "sim", "inventory", "graph", "check", "play", "vault", "report", "config",
                    "completion", "help");

    /** The commands that run modules against BMCs. */
    private static final List<String> RUNS_MODULES = List.of("exec", "play", "demo");

    /** The commands that open UDP sockets. */
    private static final List<String> NETWORKED = List.of("exec", "play", "demo", "sim");

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
        // picocli's DefaultFactory otherwise looks for groovy.lang.Closure, which is nowhere: the miss searches
        // every jar of the class path (18 ms of a --version that built the command model, -Xlog:class+init).
        System.setProperty("picocli.disable.closures", "true");
        if (args.length > 0 && NETWORKED.contains(args[0])) {
            // The first Selector or UDP channel looks up a SelectorProvider service in every jar of the class path
            // (22-29 ms of an exec, -Xlog:class+init): done on the other core while the command line and
            // inventory are read, it is ready when the engine opens its sockets.
            Thread.ofPlatform().daemon().name("selector-provider").start(SelectorProvider::provider);
        }
        if (args.length > 0 && RUNS_MODULES.contains(args[0])) {
            // The command table's class initialisation (about 60 command classes and 100 lambdas) otherwise runs
            // on the first host's virtual thread at the first command, pinning its carrier while every other
            // host waits on the class's initialisation lock: 30 ms between task_start and the first datagram
            // of an exec on 1,000 BMCs (JFR: jdk.VirtualThreadPinned, 285 classes loaded in those 86 ms).
            // Then the security providers, which the first RAKP 2 otherwise loads on the engine's thread.
            Thread.ofPlatform().daemon().name("command-table").start(() -> {
                Objects.requireNonNull(Commands.GET_DEVICE_ID);
                CryptoWarmUp.run();
            });
        }
        int code = run(args);
        if (code != 0 || othersAlive()) {
            System.exit(code);
        }
        // Exit 0 with nothing else running: main returns and the JVM ends as after System.exit(0), shutdown
        // hooks included, but without Runtime.exit's log record, whose logger lookup opens every jar of the
        // class path in search of a LoggerFinder (about 20 ms at the end of a --version, -Xlog:class+init).
    }

    /** Whether a thread other than this one would keep the JVM running if main returned. */
    private static boolean othersAlive() {
        Thread self = Thread.currentThread();
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t != self && !t.isDaemon() && t.isAlive());
    }

    /** A bare version request (-V or --version alone): answered without the command model or configuration. */
    private static boolean versionOnly(String... args) {
        return args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"));
    }

    public static int run(String... args) {
        return run(Environment.system(), args);
    }

    /** As {@link #run(String...)}, with the configuration looked up in {@code env} (tests give their own). */
    static int run(Environment env, String... args) {
        if (versionOnly(args)) {
            // picocli would read every annotation of this class first (dynamic proxies, generated at run time
            // and never in the AOT cache): 50 ms of a 130 ms start, for one constant.
            System.out.println(VERSION);
            return ExitCodes.OK;
        }
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
