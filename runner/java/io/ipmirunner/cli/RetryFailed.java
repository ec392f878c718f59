package io.ipmirunner.cli;

import io.ipmirunner.executor.JournalReader;
import java.util.Set;
import java.util.TreeSet;

/** Checks {@code --failure-class}: a misspelt class would silently select no host. */
final class RetryFailed {
    private RetryFailed() {}

    static Set<String> classes(Set<String> asked) {
        for (String c : asked) {
            if (!JournalReader.FAILURE_CLASSES.contains(c)) {
                throw new UserError(ExitCodes.BAD_OPTIONS, "--failure-class: unknown class '" + c + "' (known: "
                        + String.join(", ", new TreeSet<>(JournalReader.FAILURE_CLASSES)) + ")");
            }
        }
        return Set.copyOf(asked);
    }
}
