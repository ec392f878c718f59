package io.ipmirunner.ipmi.sdr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.client.TimeSource;
import io.ipmirunner.ipmi.command.storage.Repository;
import io.ipmirunner.ipmi.walk.BoundedWalk;
import io.ipmirunner.ipmi.wire.CompletionCode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SdrReaderTest {
    private static final List<byte[]> RECORDS = List.of(SdrBytes.compact(0, 1, "A"),
            SdrBytes.full(2, 2, 0, 1, 0, 0, 0, 0, 1, 0xc8, SdrBytes.ascii("Temp1234")));
    private static final int[] IDS = {0, 2};

    private static BoundedWalk walk() {
        return BoundedWalk.chain("h", "SDR repository", "Get SDR Repository Info", RECORDS.size(), TimeSource.SYSTEM,
                Duration.ofMinutes(1));
    }

    private static IpmiException.CompletionCodeError error(CompletionCode c) {
        return new IpmiException.CompletionCodeError("h", Phase.COMMAND, "Get SDR", c);
    }

    /** A repository of {@link #RECORDS}; reservations count up; a read under an old one is cancelled. */
    private static class FakeRepo implements SdrReader.Repo, SdrReader.Reserver {
        final AtomicInteger reservation = new AtomicInteger();
        int cancelAfterReads = -1;
        int maxCount = 255;
        int reads;

        @Override
        public int reserve() {
            return reservation.incrementAndGet();
        }

        @Override
        public Repository.ReadResponse read(Repository.ReadRequest q) throws IpmiException {
            if (++reads == cancelAfterReads) {
                reservation.incrementAndGet(); // someone else reserved
            }
            if (q.reservation() != reservation.get() && q.offset() > 0) {
                throw error(CompletionCode.RESERVATION_CANCELLED);
            }
            if (q.count() > maxCount) {
                throw error(CompletionCode.CANNOT_RETURN_BYTES);
            }
            int i = q.recordId() == 0 ? 0 : Arrays.stream(IDS).boxed().toList().indexOf(q.recordId());
            byte[] r = RECORDS.get(i);
            int next = i + 1 < IDS.length ? IDS[i + 1] : Repository.LAST;
            int from = Math.min(q.offset(), r.length);
            return new Repository.ReadResponse(next, Arrays.copyOfRange(r, from, Math.min(r.length, from + q.count())));
        }
    }

    @Test
    void readsEveryRecordInPartialReads() throws Exception {
        FakeRepo repo = new FakeRepo();
        repo.maxCount = 7;
        List<byte[]> got = SdrReader.readAll(repo, repo, walk());
        assertEquals(2, got.size());
        assertArrayEquals(RECORDS.get(0), got.get(0));
        assertArrayEquals(RECORDS.get(1), got.get(1));
    }

    @Test
    void renewsACancelledReservationAndRereadsTheRecord() throws Exception {
        FakeRepo repo = new FakeRepo();
        repo.cancelAfterReads = 4;
        List<byte[]> got = SdrReader.readAll(repo, repo, walk());
        assertArrayEquals(RECORDS.get(1), got.get(1));
        assertEquals(2, repo.reservation.get() - 1, "reserved once more after the cancel");
    }

    @Test
    void givesUpAfterRepeatedCancels() {
        FakeRepo repo = new FakeRepo() {
            @Override
            public int reserve() {
                return 0; // the reservation is stale straight away, every time
            }
        };
        repo.reservation.set(99);
        var e = assertThrows(IpmiException.CompletionCodeError.class, () -> SdrReader.readAll(repo, repo, walk()));
        assertEquals(CompletionCode.RESERVATION_CANCELLED, e.code());
    }
}
