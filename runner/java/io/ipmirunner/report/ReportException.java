package io.ipmirunner.report;

/** A report could not be made (a template problem, a missing journal): one line for the user. */
public final class ReportException extends RuntimeException {
    public ReportException(String message) {
        super(message);
    }
}
