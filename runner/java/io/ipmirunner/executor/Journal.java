package io.ipmirunner.executor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * {@code RUN_DIR/journal.jsonl}: every event as one line ({@link JournalCodec}), appended as it happens and forced
 * to disk at task boundaries, so a killed run keeps every host result of every task that finished.
 */
public final class Journal implements RunListener, AutoCloseable {
    private final FileChannel channel;
    private final Clock clock;

    public Journal(Path runDir, Clock clock) throws IOException {
        Files.createDirectories(runDir);
        this.channel = FileChannel.open(runDir.resolve("journal.jsonl"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException the event holds a value the journal could not give back as it was
     */
    @Override
    public synchronized void on(RunEvent event) {
        byte[] line = (JournalCodec.encode(clock.instant(), event) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            channel.write(ByteBuffer.wrap(line));
            if (!(event instanceof RunEvent.HostResult)) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("journal: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.force(false);
        channel.close();
    }
}
