package io.ipmirunner.ipmi.sel;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.storage.Repository;
import io.ipmirunner.ipmi.command.storage.Sel;
import io.ipmirunner.ipmi.walk.BoundedWalk;
import io.ipmirunner.ipmi.wire.CompletionCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and clears the SEL (IPMI v2.0 §31.4 Reserve SEL, §31.5 Get SEL Entry, §31.9 Clear SEL). Records
 * are read whole (16 bytes fit any payload); a cancelled reservation (0xC5) is renewed and the entry read
 * again. The walk is bounded by {@link BoundedWalk}.
 */
public final class SelReader {
    static final int MAX_RESERVATION_RETRIES = 5;
    private static final Duration ERASE_POLL = Duration.ofMillis(200);

    private SelReader() {}

    /** One Get SEL Entry call and one Reserve SEL call: the seams for tests. */
    public interface Log {
        Repository.ReadResponse read(Repository.ReadRequest q) throws IpmiException;

        int reserve() throws IpmiException;
    }

    public static Log of(Bmc s) {
        return new Log() {
            @Override
            public Repository.ReadResponse read(Repository.ReadRequest q) throws IpmiException {
                return s.send(Commands.GET_SEL_ENTRY, q);
            }

            @Override
            public int reserve() throws IpmiException {
                return s.send(Commands.RESERVE_SEL, WireMessage.Empty.INSTANCE).id();
            }
        };
    }

    public static List<SelEntry> readAll(Bmc s) throws IpmiException {
        return readAll(s, BoundedWalk.DEFAULT_DEADLINE);
    }

    /** The log's entries, bounded by its Get SEL Info entry count and {@code deadline}. */
    public static List<SelEntry> readAll(Bmc s, Duration deadline) throws IpmiException {
        Repository.Info info = s.send(Commands.GET_SEL_INFO, WireMessage.Empty.INSTANCE);
        return readAll(of(s), BoundedWalk.chain(s.host(), "SEL", "Get SEL Info (IPMI v2.0 §31.2)", info.records(),
                s.time(), deadline));
    }

    /**
     * Entry by entry from the first; each read must return one whole record of 16 bytes (§32.1), anything else
     * is a protocol error rather than an entry.
     */
    public static List<SelEntry> readAll(Log log, BoundedWalk walk) throws IpmiException {
        int reservation = log.reserve();
        List<SelEntry> entries = new ArrayList<>();
        int id = Repository.FIRST;
        int retries = 0;
        while (id != Repository.LAST) {
            walk.beforeRead();
            Repository.ReadResponse r;
            try {
                r = log.read(new Repository.ReadRequest(reservation, id, 0, Repository.ENTIRE_RECORD));
            } catch (IpmiException.CompletionCodeError e) {
                if (id == Repository.FIRST && entries.isEmpty() && e.code().equals(CompletionCode.NOT_PRESENT)) {
                    break; // an empty SEL has no first entry (ipmi_sim, and many BMCs, answer 0xCB)
                }
                if (!e.code().equals(CompletionCode.RESERVATION_CANCELLED) || ++retries > MAX_RESERVATION_RETRIES) {
                    throw e;
                }
                reservation = log.reserve();
                continue;
            }
            byte[] bytes = r.bytes();
            if (bytes.length != Sel.RECORD_LENGTH) {
                throw walk.error("Get SEL Entry returned %d bytes for entry 0x%04x, a SEL record is %d".formatted(
                        bytes.length, id, Sel.RECORD_LENGTH));
            }
            SelEntry entry = SelEntry.decode(bytes);
            walk.record(entry.id());
            entries.add(entry);
            if (r.nextRecordId() != Repository.LAST) {
                walk.next(entry.id(), r.nextRecordId());
            }
            id = r.nextRecordId();
        }
        return entries;
    }

    /** Starts the erase, then polls its status until completed or {@code timeoutMillis} pass on the BMC's time. */
    public static boolean clear(Bmc s, long timeoutMillis) throws IpmiException, InterruptedException {
        int reservation = s.send(Commands.RESERVE_SEL, WireMessage.Empty.INSTANCE).id();
        Sel.ClearResponse r = s.send(Commands.CLEAR_SEL,
                new Sel.ClearRequest(reservation, true, Sel.CLEAR_INITIATE));
        long deadline = s.time().nanoTime() + timeoutMillis * 1_000_000;
        while (r.progress() != Sel.ERASE_COMPLETED && s.time().nanoTime() - deadline < 0) {
            s.time().sleep(ERASE_POLL);
            r = s.send(Commands.CLEAR_SEL, new Sel.ClearRequest(reservation, true, Sel.CLEAR_STATUS));
        }
        return r.progress() == Sel.ERASE_COMPLETED;
    }
}
