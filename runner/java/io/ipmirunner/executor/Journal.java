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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code RUN_DIR/journal.jsonl}: every event as one line ({@link JournalCodec}), appended as it happens and forced
 * to disk at task boundaries, so a killed run keeps every host result of every task that finished.
 */
public final class Journal implements RunListener, AutoCloseable {
    private final FileChannel channel;
    private final Clock clock;
    private final List<JournalCodec.Entry> written;

    public Journal(Path runDir, Clock clock) throws IOException {
        Files.createDirectories(runDir);
        this.channel = FileChannel.open(runDir.resolve("journal.jsonl"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        this.clock = clock;
        this.written = channel.size() == 0 ? new ArrayList<>() : null;
    }

    /**
     * Every entry of the file, when this journal wrote all of it (not a resumed run's older lines): the
     * reports are then made from these rather than by reading the file back, about half of their time at
     * 10,000 hosts (JFR). They are the entries the file holds, the same values (JournalCodec's rule).
     */
    public synchronized Optional<List<JournalCodec.Entry>> wholeRun() {
        return written == null ? Optional.empty() : Optional.of(List.copyOf(written));
    }

    /**
     * @throws IllegalArgumentException the event holds a value the journal could not give back as it was
     */
    @Override
    public void on(RunEvent event) {
        // The event is encoded before the lock, its time and the write under it: with a thousand hosts' virtual
        // threads ending at once, encoding under the lock made them queue on it (issue 22, JFR: a third of the
        // virtual threads' samples were entering or leaving this monitor). Lines stay in the order of their times.
        String fields = JournalCodec.encodeFields(event);
        synchronized (this) {
            write(clock.instant(), event, fields);
        }
    }

    private void write(Instant at, RunEvent event, String fields) {
        byte[] line = (JournalCodec.line(at, fields) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            channel.write(ByteBuffer.wrap(line));
            if (!(event instanceof RunEvent.HostResult)) {
                channel.force(false);
            }
            if (written != null) {
                written.add(new JournalCodec.Entry(at, event));
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
