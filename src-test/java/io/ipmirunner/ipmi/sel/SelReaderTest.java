package io.ipmirunner.ipmi.sel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.client.TimeSource;
import io.ipmirunner.ipmi.command.storage.Repository;
import io.ipmirunner.ipmi.walk.BoundedWalk;
import io.ipmirunner.ipmi.wire.CompletionCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelReaderTest {
    private static BoundedWalk walk() {
        return BoundedWalk.chain("h", "SEL", "Get SEL Info", 2, TimeSource.SYSTEM, Duration.ofMinutes(1));
    }

    private static byte[] record(int id) {
        byte[] r = new byte[16];
        r[0] = (byte) id;
        r[2] = 0x02;
        return r;
    }

    /** Entries 1 and 2; a read is cancelled while {@code cancels} lasts; {@code loop} makes 2 point back to 1. */
    private static final class FakeLog implements SelReader.Log {
        int cancels;
        int reservations;
        boolean empty;
        boolean loop;

        @Override
        public Repository.ReadResponse read(Repository.ReadRequest q) throws IpmiException {
            if (empty) {
                throw new IpmiException.CompletionCodeError("h", Phase.COMMAND, "Get SEL Entry",
                        CompletionCode.NOT_PRESENT);
            }
            if (cancels-- > 0) {
                throw new IpmiException.CompletionCodeError("h", Phase.COMMAND, "Get SEL Entry",
                        CompletionCode.RESERVATION_CANCELLED);
            }
            int id = q.recordId() == Repository.FIRST ? 1 : q.recordId();
            return new Repository.ReadResponse(id == 1 ? 2 : loop ? 1 : Repository.LAST, record(id));
        }

        @Override
        public int reserve() {
            return ++reservations;
        }
    }

    @Test
    void walksTheLogRenewingCancelledReservations() throws Exception {
        FakeLog log = new FakeLog();
        log.cancels = 2;
        assertEquals(List.of(1, 2), SelReader.readAll(log, walk()).stream().map(SelEntry::id).toList());
        assertEquals(3, log.reservations);
        log.cancels = 99;
        assertThrows(IpmiException.CompletionCodeError.class, () -> SelReader.readAll(log, walk()));
    }

    @Test
    void emptyLogAndLoopingNextIds() throws Exception {
        FakeLog empty = new FakeLog();
        empty.empty = true;
        assertEquals(List.of(), SelReader.readAll(empty, walk()));
        FakeLog loop = new FakeLog();
        loop.loop = true;
        var e = assertThrows(IpmiException.ProtocolError.class, () -> SelReader.readAll(loop, walk()));
        assertEquals("h: protocol error in command: SEL: record 0x0002 names 0x0001 as the next record, which was read"
                + " already: the chain loops", e.getMessage());
    }
}
