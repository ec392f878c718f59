package io.ipmirunner.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code completion bash|zsh}: the completion script, generated from the command model by picocli's
 * AutoComplete, so it knows every subcommand and option as {@code --help} does. The script is written for bash
 * and loads itself in zsh through zsh's bashcompinit; {@code zsh} prints the lines that enable that first.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script.",
                "bash: source <(ipmi-runner completion bash), or save it as "
                        + "/etc/bash_completion.d/ipmi-runner (the .deb installs it).",
                "zsh: source <(ipmi-runner completion zsh) in ~/.zshrc."})
public final class CompletionCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
    String shell;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("ipmi-runner", Main.full());
        switch (shell) {
            case "bash" -> System.out.print(script);
            case "zsh" -> {
                System.out.println("autoload -U +X compinit && compinit");
                System.out.println("autoload -U +X bashcompinit && bashcompinit");
                System.out.print(script);
            }
            default -> throw new UserError(ExitCodes.BAD_OPTIONS, "completion: SHELL is bash or zsh, got '"
                    + shell + "'");
        }
        return ExitCodes.OK;
    }
}
