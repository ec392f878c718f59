package io.ipmirunner.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code completion bash|zsh}: the completion script, generated from the command model by picocli's
 * AutoComplete, so it knows every subcommand and option as {@code --help} does. One script for both shells: in
 * zsh it loads compinit (when not loaded yet) and bashcompinit itself, so zsh gets the same script.
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
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "completion: SHELL is bash or zsh, got '" + shell + "'");
        }
        System.out.print(script);
        return ExitCodes.OK;
    }
}
