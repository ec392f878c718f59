package io.ipmirunner.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Checks with plain UDP sockets that the iptables rules drop what they should, and go away again. */
@Tag("interop")
class LossInjectorTest {
    /** Far from IpmiSim's 127.0.80.0/20, and distinct per JVM so parallel runs do not meet. */
    private static final String TARGET = "127.0.79." + (1 + ProcessHandle.current().pid() % 254);

    @Test
    void dropsEverythingAtProbabilityOneAndNothingOnceClosed() throws Exception {
        try (DatagramSocket target = bind(TARGET); DatagramSocket client = bind("127.0.0.1")) {
            LossInjector loss = LossInjector.onAddress(TARGET, 1.0);
            try {
                assertEquals(2, loss.rules().size(), loss.rules().toString());
                assertEquals(0, delivered(client, target, 20), "packets to the address");
                assertEquals(0, delivered(target, client, 20), "packets from the address");
            } finally {
                loss.close();
            }
            assertTrue(loss.rules().isEmpty(), loss.rules().toString());
            assertEquals(20, delivered(client, target, 20));
            assertEquals(20, delivered(target, client, 20));
        }
    }

    @Test
    void dropsAboutTheRequestedShare() throws Exception {
        try (DatagramSocket target = bind(TARGET); DatagramSocket client = bind("127.0.0.1");
             LossInjector loss = LossInjector.onAddress(TARGET, 0.5)) {
            int got = delivered(client, target, 200);
            // Binomial(200, 0.5): outside 60..140 happens with probability below 1e-8.
            assertTrue(got > 60 && got < 140, got + " of 200 delivered via " + loss.backend());
        }
    }

    @Test
    void refusesAddressesOffTheMachine() {
        assertThrows(IllegalArgumentException.class, () -> LossInjector.onAddress("192.0.2.1", 0.5));
        assertThrows(IllegalArgumentException.class, () -> LossInjector.onAddress(TARGET, 0));
    }

    private static DatagramSocket bind(String ip) throws Exception {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(ip, 0));
        s.setSoTimeout(200);
        return s;
    }

    /**
     * Sends {@code n} datagrams from one socket to the other, then counts the ones that arrive. On
     * loopback a datagram that passed the rules is queued at once, so a short final wait is enough.
     */
    private static int delivered(DatagramSocket from, DatagramSocket to, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            from.send(new DatagramPacket(new byte[] {(byte) i}, 1, to.getLocalSocketAddress()));
        }
        byte[] buf = new byte[16];
        int got = 0;
        try {
            while (got < n) {
                to.receive(new DatagramPacket(buf, buf.length));
                got++;
            }
        } catch (SocketTimeoutException e) {
            // nothing more in flight: the rest was dropped
        }
        return got;
    }
}
