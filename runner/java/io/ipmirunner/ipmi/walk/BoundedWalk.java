package io.ipmirunner.ipmi.walk;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.client.TimeSource;
import io.ipmirunner.ipmi.command.storage.Repository;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The one bound on every read that follows where a BMC leads: the SDR repository's and the SEL's record
 * chains (next record IDs, IPMI v2.0 §33.12, §31.5) and a FRU inventory area read in chunks (§34.2). A BMC is
 * untrusted input, and a chain that never reaches 0xFFFF would otherwise be walked until memory runs out.
 * Three limits, each a failure naming what broke rather than a partial answer reported as complete:
 * <ul>
 *   <li>no more records than the repository's own count (Get SDR Repository Info §33.9, Get SEL Info §31.2)
 *       plus a margin for records added while we read (events keep arriving in the SEL);</li>
 *   <li>no record ID twice: a record read again, or a next record ID naming one already read, is a loop;</li>
 *   <li>the walk's deadline on the module's clock, against a BMC that drips answers just fast enough.</li>
 * </ul>
 */
public final class BoundedWalk {
    /**
     * A whole repository at partial reads of 16 bytes is about four exchanges per record: a thousand SDRs on a
     * slow BMC (20 ms a reply) take some 80 s. Five minutes leaves room for that and no more.
     */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(5);
    /** Records the margin allows at least, however small the count: a few events logged while we read. */
    static final int MIN_MARGIN = 16;

    private final String host;
    private final String what;
    private final String countSource;
    private final int declared;
    private final int maxRecords;
    private final TimeSource time;
    private final Duration deadline;
    private final long start;
    private final Set<Integer> seen = new HashSet<>();

    private BoundedWalk(String host, String what, String countSource, int declared, int maxRecords, TimeSource time,
                        Duration deadline) {
        this.host = host;
        this.what = what;
        this.countSource = countSource;
        this.declared = declared;
        this.maxRecords = maxRecords;
        this.time = time;
        this.deadline = deadline;
        this.start = time.nanoTime();
    }

    /**
     * A walk of a record chain whose repository says it holds {@code declared} records, as {@code countSource}
     * (the command and section) reported.
     */
    public static BoundedWalk chain(String host, String what, String countSource, int declared, TimeSource time,
                                    Duration deadline) {
        return new BoundedWalk(host, what, countSource, declared, declared + Math.max(MIN_MARGIN, declared / 8), time,
                deadline);
    }

    /** A read of records without IDs, bounded by its caller's size, so here only by the deadline: a FRU area. */
    public static BoundedWalk area(String host, String what, TimeSource time, Duration deadline) {
        return new BoundedWalk(host, what, "", 0, Integer.MAX_VALUE, time, deadline);
    }

    /** Before each read: fails once the deadline has passed. */
    public void beforeRead() throws IpmiException.Timeout {
        long took = time.nanoTime() - start;
        if (took > deadline.toNanos()) {
            throw IpmiException.Timeout.deadline(host, Phase.COMMAND, "reading the %s took more than its %d s deadline"
                    .formatted(what, deadline.toSeconds()));
        }
    }

    /** A record read whole, under its own ID: fails if that ID came before or the count is exceeded. */
    public void record(int id) throws IpmiException.ProtocolError {
        if (!seen.add(id)) {
            throw error("record ID 0x%04x was returned twice: the chain loops".formatted(id));
        }
        if (seen.size() > maxRecords) {
            throw error("the record chain goes on past %d records; %s counts %d".formatted(maxRecords, countSource,
                    declared));
        }
    }

    /** The next record ID a read named: the first record's ID, or one already read, is a loop. */
    public void next(int after, int next) throws IpmiException.ProtocolError {
        if (next == Repository.FIRST || seen.contains(next)) {
            throw error("record 0x%04x names 0x%04x as the next record, which was read already: the chain loops"
                    .formatted(after, next));
        }
    }

    /** A reply that breaks the protocol of this walk, with the walk named. */
    public IpmiException.ProtocolError error(String detail) {
        return new IpmiException.ProtocolError(host, Phase.COMMAND, what + ": " + detail);
    }
}
