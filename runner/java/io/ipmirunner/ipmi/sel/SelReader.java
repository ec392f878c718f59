package io.ipmirunner.ipmi.sel;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.storage.Repository;
import io.ipmirunner.ipmi.command.storage.Sel;
import io.ipmirunner.ipmi.wire.CompletionCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and clears the SEL (IPMI v2.0 §31.4 Reserve SEL, §31.5 Get SEL Entry, §31.9 Clear SEL). Records
 * are read whole (16 bytes fit any payload); a cancelled reservation (0xC5) is renewed and the entry read
 * again.
 */
public final class SelReader {
    static final int MAX_RESERVATION_RETRIES = 5;
    /** A SEL holds at most 0xFFFE entries; the walk stops there even if the next-ids loop. */
    private static final int MAX_ENTRIES = 0xFFFE;
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

    public static List<SelEntry> readAll(Log log) throws IpmiException {
        int reservation = log.reserve();
        List<SelEntry> entries = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int id = Repository.FIRST;
        int retries = 0;
        while (id != Repository.LAST && entries.size() < MAX_ENTRIES) {
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
            SelEntry entry = SelEntry.decode(r.bytes());
            if (!seen.add(entry.id())) {
                break;
            }
            entries.add(entry);
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
