package io.ipmirunner.cli;

/** Exit codes, as Ansible's: scripts and CI read them. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int HOST_FAILED = 2;
    public static final int HOST_UNREACHABLE = 3;
    public static final int PARSE_ERROR = 4;
    public static final int BAD_OPTIONS = 5;
    public static final int INTERRUPTED = 99;
    public static final int UNEXPECTED = 250;

    private ExitCodes() {}
}
