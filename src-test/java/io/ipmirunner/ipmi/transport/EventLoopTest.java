package io.ipmirunner.ipmi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The loop's ordering guarantee that retransmission relies on: what already arrived is read first. The loop
 * runs on a fake clock, so "the timer is due" is a fact the test sets, not a race it hopes to win.
 */
class EventLoopTest {

    @Test
    void aDatagramWaitingInItsSocketIsReadBeforeADueTimerFires() throws Exception {
        AtomicLong clock = new AtomicLong();
        try (EventLoop loop = new EventLoop("test-loop", clock::get);
             DatagramChannel server = DatagramChannel.open().bind(new InetSocketAddress("127.60.0.1", 0));
             DatagramChannel peer = DatagramChannel.open();
             Selector readable = Selector.open()) {
            server.configureBlocking(false);
            server.register(readable, SelectionKey.OP_READ);
            List<String> events = new CopyOnWriteArrayList<>();
            CountDownLatch both = new CountDownLatch(2);
            loop.execute(() -> loop.register(server, key -> {
                try {
                    while (server.receive(ByteBuffer.allocate(64)) != null) {
                        events.add("read");
                        both.countDown();
                    }
                } catch (java.io.IOException e) {
                    events.add("error " + e);
                }
            }));
            loop.execute(() -> {
                // The loop is busy (as with a thousand answers at once) while the timer comes due and the
                // answer arrives: when it gets back to its own work, the answer must come first.
                loop.schedule(5, () -> {
                    events.add("timer");
                    both.countDown();
                });
                clock.addAndGet(10_000_000);
                try {
                    peer.send(ByteBuffer.wrap(new byte[] {1}), server.getLocalAddress());
                    readable.select(5_000); // until the datagram is in the socket, not for a time
                } catch (java.io.IOException e) {
                    events.add("error " + e);
                }
            });
            assertTrue(both.await(5, TimeUnit.SECONDS), "both happened: " + events);
            assertEquals(List.of("read", "timer"), events);
        }
    }

    /**
     * A thousand retransmission timers due at once take the loop tens of milliseconds to run (each copy is
     * encrypted), while answers keep arriving: one that came in while the timers ran is read before the next
     * timer, whose answer it may be. Without it, answers 6-10 ms old sat unread while their requests were
     * resent 120-210 ms after the first copy (1,000 simulated BMCs, no loss).
     */
    @Test
    void whatArrivesWhileTimersRunIsReadBeforeTheNextTimer() throws Exception {
        AtomicLong clock = new AtomicLong();
        try (EventLoop loop = new EventLoop("test-loop", clock::get);
             DatagramChannel server = DatagramChannel.open().bind(new InetSocketAddress("127.60.0.2", 0));
             DatagramChannel peer = DatagramChannel.open();
             Selector readable = Selector.open()) {
            server.configureBlocking(false);
            server.register(readable, SelectionKey.OP_READ);
            List<String> events = new CopyOnWriteArrayList<>();
            CountDownLatch all = new CountDownLatch(3);
            loop.execute(() -> loop.register(server, key -> {
                try {
                    while (server.receive(ByteBuffer.allocate(64)) != null) {
                        events.add("read");
                        all.countDown();
                    }
                } catch (java.io.IOException e) {
                    events.add("error " + e);
                }
            }));
            loop.execute(() -> {
                loop.schedule(5, () -> {
                    events.add("first timer");
                    all.countDown();
                    clock.addAndGet(10_000_000); // it took long; an answer came in meanwhile
                    try {
                        peer.send(ByteBuffer.wrap(new byte[] {1}), server.getLocalAddress());
                        readable.select(5_000);
                    } catch (java.io.IOException e) {
                        events.add("error " + e);
                    }
                });
                loop.schedule(6, () -> {
                    events.add("second timer");
                    all.countDown();
                });
                clock.addAndGet(7_000_000); // both are due when the loop gets to its timers
            });
            assertTrue(all.await(5, TimeUnit.SECONDS), "all happened: " + events);
            assertEquals(List.of("first timer", "read", "second timer"), events);
        }
    }
}
