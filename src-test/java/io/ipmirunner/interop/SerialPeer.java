package io.ipmirunner.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The host's serial console for ipmi_sim's SOL ({@code sol "tcp:HOST:PORT"} in lan.conf, see
 * {@link IpmiSimBuilder#sol}): a TCP server that ipmi_sim connects to. What the test writes here is what the
 * host "prints"; what ipmi_sim forwards from a SOL client (typed characters) is recorded. Start it before
 * ipmi_sim, which connects at start-up.
 */
public final class SerialPeer implements AutoCloseable {
    private final ServerSocket server;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Thread acceptor;
    private volatile Socket socket;

    public SerialPeer(String host, int port) {
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new java.net.InetSocketAddress(InetAddress.getByName(host), port), 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        acceptor = Thread.ofVirtual().name("serial-peer-" + port).start(this::serve);
    }

    private void serve() {
        try {
            while (!server.isClosed()) {
                Socket s = server.accept();
                synchronized (this) {
                    socket = s;
                    notifyAll();
                }
                try (InputStream in = s.getInputStream()) {
                    byte[] buf = new byte[4096];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        synchronized (received) {
                            received.write(buf, 0, n);
                            received.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // the BMC hung up; wait for its next connection
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Waits until the BMC has connected, up to {@code wait}. */
    public synchronized boolean awaitConnected(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (socket == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** The host prints {@code text} on its serial port. */
    public void write(String text) {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void write(byte[] bytes) {
        Socket s = socket;
        if (s == null) {
            throw new IllegalStateException("the BMC has not connected to the serial peer");
        }
        try {
            OutputStream out = s.getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the BMC forwarded to the host's serial port so far. */
    public String received() {
        synchronized (received) {
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Waits up to {@code wait} until the received text contains {@code expected}. */
    public boolean awaitReceived(String expected, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (received) {
            while (!received.toString(StandardCharsets.ISO_8859_1).contains(expected)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Socket s = socket;
            if (s != null) {
                s.close();
            }
            acceptor.join(2000);
        } catch (IOException e) {
            // nothing left to release
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
