package io.ipmirunner.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Runs the CLI in-process and captures what it prints. Tests run one at a time in this JVM. */
record CliRun(int exit, String out, String err, long millis) {
    /** The start of a host's entry in exec's pretty-printed {@code --json} output, status other than ok/changed. */
    private static final Pattern NOT_OK = Pattern.compile("(?m)^  \"[^\"]+\": \\{\\s*\"status\": \"(?!ok\"|changed\")");

    static synchronized CliRun of(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        long start = System.nanoTime();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new CliRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8),
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /**
     * For a failed fleet run: the exit code, the time, and only the hosts of exec's {@code --json} output
     * whose status is neither ok nor changed, then stderr; what CI shows of a long message is its start.
     */
    String failures() {
        StringBuilder b = new StringBuilder("exit " + exit + " in " + millis + " ms; hosts not ok:\n");
        var m = NOT_OK.matcher(out);
        while (m.find()) {
            int end = out.indexOf("\n  }", m.start());
            b.append(out, m.start(), end < 0 ? out.length() : end).append("\n");
        }
        return b.append("--- err\n").append(err).toString();
    }

    @Override
    public String toString() {
        return "exit " + exit + " in " + millis + " ms\n--- out\n" + out + "--- err\n" + err;
    }
}
