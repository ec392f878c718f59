package io.ipmirunner.cli;

/** A problem the user can fix (a missing file, a bad value): shown as one line, with its exit code. */
public final class UserError extends RuntimeException {
    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
