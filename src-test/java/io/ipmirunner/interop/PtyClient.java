package io.ipmirunner.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An interactive terminal program (ipmitool sol activate, ipmiconsole) run on a pseudo-terminal through
 * util-linux {@code script}, killed by {@code timeout} after {@code limit} whatever happens: the test types
 * into it and waits for what it prints, every wait bounded.
 */
public final class PtyClient implements AutoCloseable {
    private final Process process;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Thread reader;

    private PtyClient(Process process) {
        this.process = process;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    /** Starts {@code command} (one shell line, no secrets in it) on a pty; {@code env} goes to its environment. */
    public static PtyClient start(String command, Map<String, String> env, Duration limit) {
        Peers.require("script");
        List<String> cmd = new ArrayList<>(List.of("timeout", "-k", "2", Long.toString(limit.toSeconds()),
                "script", "-qfec", command, "/dev/null"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            return new PtyClient(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private void read() {
        try (InputStream in = process.getInputStream()) {
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (output) {
                    output.write(buf, 0, n);
                    output.notifyAll();
                }
            }
        } catch (IOException e) {
            // the program ended
        }
    }

    public String output() {
        synchronized (output) {
            return output.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Waits up to {@code wait} for {@code text} in what the program printed. */
    public boolean await(String text, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (output) {
            while (!output.toString(StandardCharsets.ISO_8859_1).contains(text)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && !reader.isAlive()) {
                    return output.toString(StandardCharsets.ISO_8859_1).contains(text);
                }
                output.wait(Math.max(1, Math.min(200, left / 1_000_000)));
            }
            return true;
        }
    }

    public void type(String keys) {
        try {
            OutputStream out = process.getOutputStream();
            out.write(keys.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits up to {@code wait} for the program to end; its exit code, or -1 if it did not. */
    public int waitFor(Duration wait) throws InterruptedException {
        return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        reader.join(2000);
    }
}
