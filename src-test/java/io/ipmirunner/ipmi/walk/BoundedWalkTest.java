package io.ipmirunner.ipmi.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.TimeSource;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BoundedWalkTest {
    /** A clock that stands still until the test moves it. */
    private static final class FakeTime implements TimeSource {
        long nanos;

        @Override
        public Instant now() {
            return Instant.EPOCH.plusNanos(nanos);
        }

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public void sleep(Duration d) {
            nanos += d.toNanos();
        }
    }

    private static BoundedWalk walk(int declared, TimeSource time) {
        return BoundedWalk.chain("h", "SDR repository", "Get SDR Repository Info (IPMI v2.0 §33.9)", declared, time,
                Duration.ofSeconds(10));
    }

    @Test
    void theCountPlusAMarginBoundsTheChain() throws Exception {
        BoundedWalk w = walk(100, TimeSource.SYSTEM);
        for (int id = 1; id <= 116; id++) {
            w.record(id); // 100 and an eighth's margin, at least 16
        }
        var e = assertThrows(IpmiException.ProtocolError.class, () -> w.record(117));
        assertEquals("h: protocol error in command: SDR repository: the record chain goes on past 116 records; "
                + "Get SDR Repository Info (IPMI v2.0 §33.9) counts 100", e.getMessage());
        BoundedWalk big = walk(800, TimeSource.SYSTEM);
        for (int id = 1; id <= 900; id++) {
            big.record(id);
        }
        assertThrows(IpmiException.ProtocolError.class, () -> big.record(901));
    }

    @Test
    void aRecordIdSeenTwiceIsALoop() throws Exception {
        BoundedWalk w = walk(5, TimeSource.SYSTEM);
        w.record(1);
        w.next(1, 2);
        w.record(2);
        assertEquals("h: protocol error in command: SDR repository: record 0x0002 names 0x0001 as the next record, "
                + "which was read already: the chain loops", assertThrows(IpmiException.ProtocolError.class,
                () -> w.next(2, 1)).getMessage());
        assertThrows(IpmiException.ProtocolError.class, () -> w.next(2, 0x0000));
        assertEquals("h: protocol error in command: SDR repository: record ID 0x0002 was returned twice: the chain "
                + "loops", assertThrows(IpmiException.ProtocolError.class, () -> w.record(2)).getMessage());
    }

    @Test
    void theDeadlineEndsASlowWalk() throws Exception {
        FakeTime time = new FakeTime();
        BoundedWalk w = walk(5, time);
        time.sleep(Duration.ofSeconds(10));
        w.beforeRead();
        time.sleep(Duration.ofMillis(1));
        var e = assertThrows(IpmiException.Timeout.class, w::beforeRead);
        assertEquals("h: timeout in command: reading the SDR repository took more than its 10 s deadline",
                e.getMessage());
    }
}
