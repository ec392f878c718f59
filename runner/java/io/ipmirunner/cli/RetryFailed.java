package io.ipmirunner.cli;

import io.ipmirunner.executor.FailureClass;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks {@code --failure-class}: a misspelt class would silently select no host. */
final class RetryFailed {
    private RetryFailed() {}

    static Set<String> classes(Set<String> asked) {
        for (String c : asked) {
            if (FailureClass.of(c).isEmpty()) {
                throw new UserError(ExitCodes.BAD_OPTIONS, "--failure-class: unknown class '" + c + "' (known: "
                        + Arrays.stream(FailureClass.values()).map(FailureClass::label).sorted()
                        .collect(Collectors.joining(", ")) + ")");
            }
        }
        return Set.copyOf(asked);
    }
}
