package io.ipmirunner.modules;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * A host's console in the run directory: {@code console/HOST.log} holds the bytes exactly as the serial port
 * sent them (escape sequences included, appended by every console task of the run), and
 * {@code console/HOST.timing} says when each stretch arrived, one line per read: {@code INSTANT OFFSET LENGTH},
 * with {@code INSTANT OFFSET # EVENT} lines where a capture opened or ended (the gaps a power cycle makes show
 * there). At most {@link #MAX_BYTES} per host are kept, so a chatty host cannot fill the disk.
 */
final class ConsoleLog implements AutoCloseable {
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private final OutputStream log;
    private final OutputStream timing;
    private final String relative;
    private long offset;
    private boolean capped;

    private ConsoleLog(OutputStream log, OutputStream timing, String relative, long offset) {
        this.log = log;
        this.timing = timing;
        this.relative = relative;
        this.offset = offset;
    }

    /** Opens (appending) the log of {@code host} under {@code runDir}/console. */
    static ConsoleLog open(Path runDir, String host) {
        String name = fileName(host);
        Path dir = runDir.resolve("console");
        try {
            Files.createDirectories(dir);
            Path logFile = dir.resolve(name + ".log");
            long size = Files.exists(logFile) ? Files.size(logFile) : 0;
            OutputStream log = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            OutputStream timing = Files.newOutputStream(dir.resolve(name + ".timing"), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return new ConsoleLog(log, timing, "console/" + name + ".log", size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the console log of " + host + " in " + dir, e);
        }
    }

    /** A host name as a file name: characters other than letters, digits, '.', '-' and '_' become '_'. */
    static String fileName(String host) {
        String n = host.replaceAll("[^A-Za-z0-9._-]", "_");
        return n.isEmpty() || n.startsWith(".") ? "_" + n : n;
    }

    /** The log's path relative to the run directory, for the report's link. */
    String relative() {
        return relative;
    }

    void write(byte[] chunk, int len, Instant at) throws IOException {
        if (capped) {
            return;
        }
        int n = (int) Math.min(len, MAX_BYTES - offset);
        log.write(chunk, 0, n);
        line(at + " " + offset + " " + n);
        offset += n;
        if (n < len) {
            capped = true;
            mark(at, "log cap of " + MAX_BYTES + " bytes reached; the rest is not kept");
        }
    }

    void mark(Instant at, String event) throws IOException {
        line(at + " " + offset + " # " + event.replace('\n', ' '));
    }

    private void line(String s) throws IOException {
        timing.write((s + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        try (log; timing) {
            log.flush();
            timing.flush();
        }
    }
}
