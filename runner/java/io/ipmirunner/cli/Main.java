package io.ipmirunner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: one picocli subcommand per class; every failure becomes one line and an exit code. */
@Command(name = "ipmi-runner", mixinStandardHelpOptions = true, version = "ipmi-runner 0.1.0",
        description = "Declarative IPMI runner for server fleets.",
        subcommands = {ExecCommand.class, DemoCommand.class, SimCommand.class, InventoryCommand.class, GraphCommand.class,
                CheckCommand.class, PlayCommand.class, VaultCommand.class, ReportCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        // "@FILE" belongs to the options that take it as Ansible does (-e @vars.yml, --limit @hosts.txt);
        // picocli would otherwise replace it with the file's words before any option sees it.
        cl.setExpandAtFiles(false);
        cl.setParameterExceptionHandler((ex, a) -> {
            System.err.println("ipmi-runner: " + ex.getMessage());
            return ExitCodes.BAD_OPTIONS;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
            if (ex instanceof UserError u) {
                System.err.println("ipmi-runner: " + u.getMessage());
                return u.exitCode();
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
