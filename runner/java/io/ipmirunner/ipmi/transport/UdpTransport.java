package io.ipmirunner.ipmi.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A small fixed set of non-blocking UDP sockets shared by every session. Each peer is pinned to one socket
 * (by hash) so a BMC always sees one source port; several sockets spread the kernel's receive buffers.
 */
public final class UdpTransport implements AutoCloseable {
    /** Called on the loop thread for every datagram received. */
    @FunctionalInterface
    public interface Receiver {
        void onDatagram(InetSocketAddress from, byte[] data);
    }

    private static final int MAX_DATAGRAM = 1500;
    /** Datagrams read from one socket before the loop turns to the others ({@link #drain}). */
    private static final int BATCH = 32;
    private final List<DatagramChannel> channels = new ArrayList<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    private final LongAdder sendErrors;

    /** {@code sendErrors} counts datagrams the kernel refused (send buffer full, no route): lost as on a wire. */
    public UdpTransport(EventLoop loop, int sockets, InetSocketAddress bind, Receiver receiver, LongAdder sendErrors) {
        this.sendErrors = sendErrors;
        try {
            for (int i = 0; i < sockets; i++) {
                DatagramChannel ch = DatagramChannel.open();
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
                ch.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
                ch.bind(bind);
                channels.add(ch);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot open UDP sockets: " + e.getMessage(), e);
        }
        loop.execute(() -> {
            for (DatagramChannel ch : channels) {
                loop.register(ch, key -> drain(ch, receiver));
            }
        });
    }

    private void drain(DatagramChannel ch, Receiver receiver) {
        // A batch, then the next socket: a BMC answers our reply within a millisecond, so a socket read until
        // empty (or 256 datagrams) kept the loop on its own hosts' logins while the answers on the other sockets
        // waited. At 100 ipmi_sim BMCs the logins went a socket at a time, 25 hosts per 100-150 ms, and Open
        // Session reached the last host 0.37 s after the first. A batch still saves selector wake-ups when
        // thousands of replies arrive at once.
        for (int i = 0; i < BATCH; i++) {
            buffer.clear();
            SocketAddress from;
            try {
                from = ch.receive(buffer);
            } catch (IOException e) {
                // ICMP port unreachable from an earlier send surfaces here on some kernels; not fatal.
                continue;
            }
            if (from == null) {
                return;
            }
            buffer.flip();
            byte[] data = new byte[buffer.remaining()];
            buffer.get(data);
            receiver.onDatagram((InetSocketAddress) from, data);
        }
    }

    /** Sends from the socket the peer is pinned to. Safe from any thread; errors are counted, not thrown. */
    public void send(InetSocketAddress peer, byte[] datagram) {
        DatagramChannel ch = channels.get(Math.floorMod(peer.hashCode(), channels.size()));
        try {
            if (ch.send(ByteBuffer.wrap(datagram), peer) == 0) {
                sendErrors.increment();
            }
        } catch (IOException e) {
            sendErrors.increment();
        }
    }

    @Override
    public void close() {
        for (DatagramChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing: nothing left to do with this socket
            }
        }
    }
}
