package io.ipmirunner.cli;

/** The -v count of this process, for the parts that decide how much to say (stack traces need -vvv). */
public final class Verbosity {
    private static volatile int level;

    private Verbosity() {}

    public static int level() {
        return level;
    }

    static void set(int v) {
        level = v;
    }
}
