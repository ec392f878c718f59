package io.ipmirunner.report;

/** A report could not be made (a template problem, a missing journal): one line for the user. */
public final class ReportException extends RuntimeException {
    /** Whose fault: the command line maps each to its exit code. */
    public enum Kind {
        /** a run directory, journal or template that is not there */
        MISSING,
        /** a journal or template that cannot be parsed */
        DAMAGED,
        /** run directories that are not parts of one run (report merge) */
        MISMATCH,
        /** anything else, such as a template failing while it renders */
        FAILED
    }

    private final Kind kind;

    public ReportException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
