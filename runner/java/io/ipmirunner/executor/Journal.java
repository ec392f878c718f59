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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code RUN_DIR/journal.jsonl}: every event as one line ({@link JournalCodec}), appended as it happens and forced
 * to disk at task boundaries, so a killed run keeps every host result of every task that finished.
 *
 * <p>A thousand hosts' results arrive within milliseconds of each other, on as many virtual threads. Each encodes
 * its own line (where a value the journal refuses fails that host) and queues it; whichever thread holds the
 * lock writes every line queued so far in one write, and the others go on at once instead of waiting their turn
 * for a write each (JFR, exec on 1,000 BMCs: 96 of about 850 samples in this class, 55 of them threads spinning
 * on its monitor). A host result is so written within microseconds of {@link #on}, by its own thread or by the
 * one holding the lock; a task boundary is written and forced before {@link #on} returns.
 */
public final class Journal implements RunListener, AutoCloseable {
    private record Line(JournalCodec.Entry entry, byte[] bytes) {}

    private final FileChannel channel;
    private final Clock clock;
    private final List<JournalCodec.Entry> written;
    private final ConcurrentLinkedQueue<Line> queued = new ConcurrentLinkedQueue<>();
    /** Held while queued lines are written; a ReentrantLock parks a virtual thread where a monitor spins. */
    private final ReentrantLock writing = new ReentrantLock();

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
    public Optional<List<JournalCodec.Entry>> wholeRun() {
        writing.lock();
        try {
            return written == null ? Optional.empty() : Optional.of(List.copyOf(written));
        } finally {
            writing.unlock();
        }
    }

    /**
     * @throws IllegalArgumentException the event holds a value the journal could not give back as it was
     */
    @Override
    public void on(RunEvent event) {
        Instant at = clock.instant();
        byte[] bytes = (JournalCodec.encode(at, event) + "\n").getBytes(StandardCharsets.UTF_8);
        queued.add(new Line(new JournalCodec.Entry(at, event), bytes));
        if (!(event instanceof RunEvent.HostResult)) {
            // A task boundary: on disk before the next task starts.
            writing.lock();
            try {
                drain(true);
            } finally {
                writing.unlock();
            }
            return;
        }
        // A host result: written by this thread, or, when another holds the lock, by that one, which looks at
        // the queue again after letting go of the lock (so a line queued while it wrote is not left behind).
        while (!queued.isEmpty() && writing.tryLock()) {
            try {
                drain(false);
            } finally {
                writing.unlock();
            }
        }
    }

    /** Writes every queued line in one write; forces them to disk at task boundaries. Holds {@link #writing}. */
    private void drain(boolean force) {
        List<Line> lines = new ArrayList<>();
        int size = 0;
        for (Line l; (l = queued.poll()) != null; ) {
            lines.add(l);
            size += l.bytes().length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        lines.forEach(l -> buffer.put(l.bytes()));
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (force) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("journal: " + e.getMessage(), e);
        }
        if (written != null) {
            lines.forEach(l -> written.add(l.entry()));
        }
    }

    @Override
    public void close() throws IOException {
        writing.lock();
        try {
            drain(true);
            channel.close();
        } finally {
            writing.unlock();
        }
    }
}
