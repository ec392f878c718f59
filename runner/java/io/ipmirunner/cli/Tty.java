package io.ipmirunner.cli;

import java.io.IOException;

/**
 * Whether stdin or stdout is a terminal. Java 21 has no such call ({@code System.console()} changed meaning
 * in later JDKs), so ask {@code test -t FD} with the descriptor handed down: one short process, once a run.
 */
final class Tty {
    private Tty() {}

    static boolean stdin() {
        return test(new ProcessBuilder("test", "-t", "0").redirectInput(ProcessBuilder.Redirect.INHERIT));
    }

    static boolean stdout() {
        return test(new ProcessBuilder("test", "-t", "1").redirectOutput(ProcessBuilder.Redirect.INHERIT));
    }

    private static boolean test(ProcessBuilder pb) {
        try {
            return pb.start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
