package io.ipmirunner.yaml;

import java.util.List;

/**
 * Playbooks or inventories that cannot be used, with every problem found (not only the first), so one
 * {@code check} run shows the user all there is to fix. Carries no stack trace: the locations are the trace.
 */
public final class InvalidInputException extends RuntimeException {
    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).toString(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(Location at, String message) {
        this(List.of(new Problem(at, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
