package io.ipmirunner.interop;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A raw RMCP/ASF Presence Ping (IPMI v2.0 §13.2.3), written here on purpose instead of using the
 * project's codecs: the fixture must not depend on the code it is used to test.
 *
 * <p>ipmi_sim answers the ping only once {@code mc_enable} (the last line of the .emu) has run, so a
 * Pong means the whole command file was executed.
 */
final class AsfPing {
    private AsfPing() {}

    /** RMCP v1.0, seq 0xff (no RMCP ack), class ASF; ASF IANA 4542, type 0x80 Presence Ping, tag, 0, length 0. */
    static byte[] request(int tag) {
        return new byte[] {0x06, 0x00, (byte) 0xff, 0x06,
                0x00, 0x00, 0x11, (byte) 0xbe, (byte) 0x80, (byte) tag, 0x00, 0x00};
    }

    /** True when {@code host:port} sends a Presence Pong (type 0x40) with our tag within {@code wait}. */
    static boolean ping(String host, int port, int tag, Duration wait) {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
            byte[] req = request(tag);
            socket.send(new DatagramPacket(req, req.length, new InetSocketAddress(host, port)));
            byte[] buf = new byte[512];
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                DatagramPacket resp = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(resp);
                } catch (SocketTimeoutException e) {
                    return false;
                }
                if (isPong(buf, resp.getLength(), tag)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            // ICMP port unreachable surfaces as PortUnreachableException on some paths: "not up yet".
            return false;
        }
    }

    static boolean isPong(byte[] b, int len, int tag) {
        return len >= 12 && b[0] == 0x06 && b[3] == 0x06 && (b[6] & 0xff) == 0x11 && (b[7] & 0xff) == 0xbe
                && (b[8] & 0xff) == 0x40 && (b[9] & 0xff) == (tag & 0xff);
    }
}
