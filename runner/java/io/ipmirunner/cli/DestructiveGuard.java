package io.ipmirunner.cli;

import io.ipmirunner.executor.DestructiveTasks;
import io.ipmirunner.playbook.Play;
import io.ipmirunner.playbook.Playbook;
import java.util.ArrayList;
import java.util.List;

/**
 * Before anything runs: plays with destructive tasks (power off/cycle/reset, sel clear, raw, ...) on more
 * hosts than the threshold need a yes from the operator at the terminal, or --yes. Without a terminal on
 * stdin nobody can answer, so the run is refused, as the blast-radius guard refuses. --check writes
 * nothing, so it asks nothing.
 */
final class DestructiveGuard {
    private DestructiveGuard() {}

    static void check(Playbook playbook, List<Integer> hostCounts, int threshold, boolean yes, boolean checkMode,
                      Operator operator) {
        if (yes || checkMode) {
            return;
        }
        List<String> found = new ArrayList<>();
        for (int i = 0; i < playbook.plays().size(); i++) {
            Play play = playbook.plays().get(i);
            if (hostCounts.get(i) <= threshold) {
                continue;
            }
            for (DestructiveTasks.Found f : DestructiveTasks.in(play)) {
                found.add("task '" + f.task() + "' (" + f.call() + ", " + f.at() + ") on " + hostCounts.get(i)
                        + " hosts");
            }
        }
        if (found.isEmpty()) {
            return;
        }
        if (!operator.interactive()) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "destructive " + found.getFirst() + (found.size() > 1
                    ? " and " + (found.size() - 1) + " more" : "") + ", more than " + threshold
                    + " (--destructive-threshold); stdin is not a terminal, so nobody can confirm: add --yes, or "
                    + "narrow it with --limit");
        }
        StringBuilder prompt = new StringBuilder("This run has destructive tasks on more than " + threshold
                + " hosts:\n");
        found.forEach(f -> prompt.append("  ").append(f).append('\n'));
        prompt.append("Proceed? [y/N] ");
        String a = operator.ask(prompt.toString()).toLowerCase(java.util.Locale.ROOT);
        if (!a.equals("y") && !a.equals("yes")) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "not confirmed; nothing was run");
        }
    }
}
