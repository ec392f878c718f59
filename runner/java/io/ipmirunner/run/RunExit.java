package io.ipmirunner.run;

import io.ipmirunner.executor.RunEvent;
import java.util.Map;

/** The exit codes a run ends with, as Ansible's; the command line's table ({@code ExitCodes}) takes them from here. */
public final class RunExit {
    public static final int OK = 0;
    public static final int HOST_FAILED = 2;
    public static final int HOST_UNREACHABLE = 3;
    public static final int INTERRUPTED = 99;

    private RunExit() {}

    /** 2 when any host failed, else 3 when any was unreachable, else 0. */
    public static int of(Map<String, RunEvent.Recap> recap) {
        boolean failed = recap.values().stream().anyMatch(r -> r.failed() > 0);
        boolean unreachable = recap.values().stream().anyMatch(r -> r.unreachable() > 0);
        return failed ? HOST_FAILED : unreachable ? HOST_UNREACHABLE : OK;
    }
}
