package io.ipmirunner.cli;

import io.ipmirunner.run.RunExit;

/** Exit codes, as Ansible's: scripts and CI read them. */
public final class ExitCodes {
    public static final int OK = RunExit.OK;
    public static final int ERROR = 1;
    public static final int HOST_FAILED = RunExit.HOST_FAILED;
    public static final int HOST_UNREACHABLE = RunExit.HOST_UNREACHABLE;
    public static final int PARSE_ERROR = 4;
    public static final int BAD_OPTIONS = 5;
    public static final int INTERRUPTED = RunExit.INTERRUPTED;
    public static final int UNEXPECTED = 250;

    private ExitCodes() {}
}
