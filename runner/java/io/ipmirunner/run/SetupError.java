package io.ipmirunner.run;

/**
 * A run that cannot be set up as asked (a host pattern matching nothing, an unset environment variable named
 * for a password, an unreadable journal): something the user fixes. Shown as one line; the command line's
 * exit code for bad options.
 */
public final class SetupError extends RuntimeException {
    public SetupError(String message) {
        super(message, null, false, false);
    }
}
