package io.ipmirunner.executor;

import io.ipmirunner.util.BoundedRead;
import io.ipmirunner.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads back what {@link Journal} wrote, line by line through {@link JournalCodec}. A torn line (the run was killed
 * mid-write) is skipped: that host result was not finished. A torn line is the start of a line that either ends the
 * file without its line break or runs into the next line (a resumed run appends right after it). Anything else that
 * is not an event is a {@link JournalException} naming the line: a report or a resume built from part of a damaged
 * file would mislead.
 */
public final class JournalReader {
    /** Every line starts so; JSON escapes a quote inside a string, so these bytes start a line and nothing else. */
    private static final byte[] LINE_START = "{\"at\":\"".getBytes(StandardCharsets.US_ASCII);

    private JournalReader() {}

    /** Every event of {@code RUN_DIR/journal.jsonl}, in order. */
    public static List<JournalCodec.Entry> read(Path runDir) throws IOException {
        byte[] all = BoundedRead.bytes(runDir.resolve("journal.jsonl"), BoundedRead.JOURNAL);
        List<JournalCodec.Entry> out = new ArrayList<>();
        int lineNo = 0;
        for (int start = 0; start < all.length; ) {
            int end = indexOf(all, (byte) '\n', start, all.length);
            lineNo++;
            for (int from = start; from < end; ) {
                int next = nextLineStart(all, from + 1, end);
                boolean mayBeTorn = (next < end || end == all.length) && startsLikeALine(all, from, next);
                if (!blank(all, from, next)) {
                    decode(Arrays.copyOfRange(all, from, next), lineNo, mayBeTorn).ifPresent(out::add);
                }
                from = next;
            }
            start = end + 1;
        }
        return out;
    }

    private static Optional<JournalCodec.Entry> decode(byte[] line, int lineNo, boolean mayBeTorn)
            throws JournalException {
        try {
            return Optional.of(JournalCodec.decode(Json.parse(line)));
        } catch (JournalException e) {
            throw new JournalException("line " + lineNo + ": " + e.getMessage());
        } catch (IOException notJson) {
            if (mayBeTorn) {
                return Optional.empty();
            }
            throw new JournalException("line " + lineNo + ": not a journal line (not JSON)");
        }
    }

    /** Hosts with a failed (not ignored, not rescued) or unreachable result: those {@code --retry-failed} runs. */
    public static Set<String> failedHosts(Path runDir) throws IOException {
        return failedHosts(runDir, Set.of());
    }

    /**
     * As {@link #failedHosts(Path)}, only those whose last failure has one of {@code classes} (labels as on
     * {@code --failure-class}; all when empty). A host's failure in a block that a later {@code rescued} line covers
     * does not count.
     */
    public static Set<String> failedHosts(Path runDir, Set<String> classes) throws IOException {
        Set<FailureClass> wanted = EnumSet.noneOf(FailureClass.class);
        for (String c : classes) {
            wanted.add(FailureClass.of(c).orElseThrow(() -> new IllegalArgumentException("unknown failure class '"
                    + c + "'")));
        }
        // A failure without a class is selected only when no class is asked for.
        Map<String, FailureClass> failed = new LinkedHashMap<>();
        for (JournalCodec.Entry e : read(runDir)) {
            switch (e.event()) {
                case RunEvent.Rescued r -> failed.remove(r.host());
                case RunEvent.HostResult r when !r.keepsHost() -> failed.put(r.host(), classOf(r));
                default -> { }
            }
        }
        Set<String> out = new LinkedHashSet<>();
        failed.forEach((h, c) -> {
            if (wanted.isEmpty() || wanted.contains(c)) {
                out.add(h);
            }
        });
        return out;
    }

    private static FailureClass classOf(RunEvent.HostResult r) {
        return r.failureClass() != null || r.status() != RunEvent.Status.UNREACHABLE ? r.failureClass()
                : FailureClass.UNREACHABLE;
    }

    private static boolean startsLikeALine(byte[] b, int from, int to) {
        int n = Math.min(to - from, LINE_START.length);
        return Arrays.equals(b, from, from + n, LINE_START, 0, n);
    }

    /** Compares only where a '{' is: a range compare at every byte was half the time of reading a journal. */
    private static int nextLineStart(byte[] b, int from, int end) {
        for (int i = from; i + LINE_START.length <= end; i++) {
            if (b[i] == LINE_START[0] && Arrays.equals(b, i, i + LINE_START.length, LINE_START, 0, LINE_START.length)) {
                return i;
            }
        }
        return end;
    }

    private static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte x, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return end;
    }
}
