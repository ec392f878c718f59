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
}
