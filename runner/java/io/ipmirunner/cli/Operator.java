package io.ipmirunner.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** The person at the terminal, asked to confirm; behind an interface so tests answer instead. */
interface Operator {
    /** Whether stdin is a terminal: only then may anyone be asked. */
    boolean interactive();

    /** Shows {@code prompt} and returns the answer line, trimmed; empty at end of input. */
    String ask(String prompt);

    /** stdin and stderr. */
    static Operator console() {
        return new Operator() {
            private final BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
                    StandardCharsets.UTF_8));
            private Boolean tty;

            @Override
            public synchronized boolean interactive() {
                if (tty == null) {
                    tty = Tty.stdin();
                }
                return tty;
            }

            @Override
            public synchronized String ask(String prompt) {
                System.err.print(prompt);
                System.err.flush();
                try {
                    String line = in.readLine();
                    return line == null ? "" : line.strip();
                } catch (IOException e) {
                    return "";
                }
            }
        };
    }
}
