package io.ipmirunner.cli;

import io.ipmirunner.executor.JournalCodec;
import io.ipmirunner.executor.RunEvent;
import io.ipmirunner.executor.RunListener;
import io.ipmirunner.run.Run;
import java.io.PrintStream;
import java.time.Clock;

/** play's other outputs: its events as JSON lines (--output ndjson), and listeners beside the printed output. */
final class PlayStreams {
    private PlayStreams() {
    }

    /**
     * Each event as one line of JSON on {@code out}, the journal's own encoding (so a consumer of the stream reads
     * what a consumer of journal.jsonl reads); nothing else goes there.
     */
    static Run.Output ndjson(PrintStream out, Clock clock) {
        return new Run.Output() {
            @Override
            public synchronized void on(RunEvent event) {
                out.println(JournalCodec.encode(clock.instant(), event));
            }

            @Override
            public void interrupted() {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        };
    }

    /** {@code output} with {@code also} told every event too (after it). */
    static Run.Output with(Run.Output output, RunListener also) {
        return new Run.Output() {
            @Override
            public void on(RunEvent event) {
                output.on(event);
                also.on(event);
            }

            @Override
            public void interrupted() {
                output.interrupted();
            }

            @Override
            public void close() {
                output.close();
            }
        };
    }
}
