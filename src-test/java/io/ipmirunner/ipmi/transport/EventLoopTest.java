package io.ipmirunner.ipmi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The loop's ordering guarantee that retransmission relies on: what already arrived is read first. */
class EventLoopTest {

    @Test
    void aDatagramWaitingInItsSocketIsReadBeforeADueTimerFires() throws Exception {
        try (EventLoop loop = new EventLoop("test-loop");
             DatagramChannel server = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
             DatagramChannel peer = DatagramChannel.open()) {
            server.configureBlocking(false);
            List<String> events = new CopyOnWriteArrayList<>();
            CountDownLatch both = new CountDownLatch(2);
            CountDownLatch registered = new CountDownLatch(1);
            loop.execute(() -> {
                loop.register(server, key -> {
                    try {
                        while (server.receive(ByteBuffer.allocate(64)) != null) {
                            events.add("read");
                            both.countDown();
                        }
                    } catch (java.io.IOException e) {
                        events.add("error " + e);
                    }
                });
                registered.countDown();
            });
            registered.await(5, TimeUnit.SECONDS);
            CountDownLatch busy = new CountDownLatch(1);
            loop.execute(() -> {
                // The loop is busy (as with a thousand answers at once) while the timer comes due and the
                // answer arrives: when it gets back to its own work, the answer must come first.
                loop.schedule(5, () -> {
                    events.add("timer");
                    both.countDown();
                });
                busy.countDown();
                sleep(60);
            });
            busy.await(5, TimeUnit.SECONDS);
            peer.send(ByteBuffer.wrap(new byte[] {1}), server.getLocalAddress());
            both.await(5, TimeUnit.SECONDS);
            assertEquals(List.of("read", "timer"), events);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
