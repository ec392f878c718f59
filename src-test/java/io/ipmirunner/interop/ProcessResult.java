package io.ipmirunner.interop;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What a finished peer program (ipmitool, a FreeIPMI tool, iptables...) left behind.
 *
 * @param exit the exit code, or {@link #TIMED_OUT} when the program was killed at its deadline
 *     (stderr then ends with a line saying so)
 */
public record ProcessResult(int exit, String stdout, String stderr) {
    public static final int TIMED_OUT = -1;

    public boolean ok() {
        return exit == 0;
    }

    public boolean timedOut() {
        return exit == TIMED_OUT;
    }

    /** stdout and stderr together, for "contains" checks that should not care where a tool prints. */
    public String output() {
        return stdout + stderr;
    }

    /** A multi-line description for assertion messages. */
    @Override
    public String toString() {
        return "exit=" + exit + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }

    /**
     * Runs {@code command} with extra environment variables (how secrets reach the child: never argv;
     * a null value removes the variable),
     * stdin closed, both streams captured. Kills the process tree at {@code timeout}.
     */
    public static ProcessResult run(List<String> command, Map<String, String> env, Path workDir, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k); // null: make sure the child does not inherit it
            } else {
                pb.environment().put(k, v);
            }
        });
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
        // Drain both pipes concurrently: a chatty tool must not block on a full pipe while we wait.
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> slurp(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> slurp(p.getErrorStream()));
        try {
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            String stdout = out.get(5, TimeUnit.SECONDS);
            String stderr = err.get(5, TimeUnit.SECONDS);
            if (!finished) {
                return new ProcessResult(TIMED_OUT, stdout, stderr + "\n[killed: " + command.get(0)
                        + " did not finish within " + timeout.toSeconds() + " s]");
            }
            return new ProcessResult(p.exitValue(), stdout, stderr);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("cannot collect the output of " + command.get(0), e);
        }
    }

    private static String slurp(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "[output unreadable: " + e.getMessage() + "]";
        }
    }
}
