package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.ipmi.wire.CompletionCode;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.V15Packet;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Latency;
import io.ipmirunner.sim.fleet.Addressing;
import io.ipmirunner.sim.fleet.FleetGroup;
import io.ipmirunner.sim.fleet.FleetHost;
import io.ipmirunner.sim.fleet.FleetPlanner;
import io.ipmirunner.sim.lan.LanServices;
import io.ipmirunner.sim.model.UserTable;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whole login (its steps and restarts) fails within one exchange timeout and says how long it took and
 * how many datagrams it sent; a BMC whose every reply is garbage never answered.
 */
class LoginDeadlineTest {
    private static final Secret PASSWORD = Secret.of("deadlinepass", "test");
    private static final long TIMEOUT_MILLIS = 1000;
    private static final Pattern REPORTED = Pattern.compile("after (\\d+) ms \\((\\d+) attempts\\)");

    private static IpmiClient client() {
        return IpmiClient.create(IpmiClient.Options.defaults()
                .withTiming(Timing.DEFAULT.withRetransmitMillis(100).withTimeoutMillis(TIMEOUT_MILLIS)));
    }

    private static IpmiException login(IpmiClient c, InetSocketAddress address) {
        var t = new BmcTarget("bmc", address, SessionConfig.of("admin", PASSWORD).withCipherSuite(3));
        try (BmcSession s = c.open(t)) {
            return assertThrows(IpmiException.class, () -> s.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE));
        }
    }

    @Test
    void aLoginRestartedByRakpTimeoutsEndsAtTheExchangeTimeoutAndSaysSo() {
        // RAKP 2 always comes too late: every RAKP timeout restarts from Open Session, which is answered.
        var faults = FaultProfile.NONE.withRakpLatency(new Latency.Fixed(10_000));
        var group = new FleetGroup("g", 1, "generic", BmcSettings.DEFAULTS, faults, 0);
        try (FleetHost bmc = FleetHost.start(FleetPlanner.plan(List.of(group), new Addressing.BasePort("127.0.0.1", 0),
                UserTable.standard("admin", PASSWORD), 7), LanServices.seeded(7), 7); IpmiClient c = client()) {
            IpmiException e = login(c, bmc.address(0));
            assertInstanceOf(IpmiException.Timeout.class, e, e.getMessage());
            Matcher m = REPORTED.matcher(e.getMessage());
            assertTrue(m.find(), e.getMessage());
            long reported = Long.parseLong(m.group(1));
            int attempts = Integer.parseInt(m.group(2));
            // Three steps each given the timeout ran three times over before. That it ends at the deadline
            // is asserted on fake time (DeadlinesFakeClockTest); here, what it reports.
            assertTrue(reported >= TIMEOUT_MILLIS, e.getMessage());
            assertTrue(attempts > 3, "discovery, Open Session and RAKP 1, then restarts: " + e.getMessage());
        }
    }

    @Test
    void aBmcThatOnlySendsGarbageIsUnreachable() throws Exception {
        try (DatagramSocket fake = new DatagramSocket(0, InetAddress.getLoopbackAddress()); IpmiClient c = client()) {
            Thread responder = Thread.ofVirtual().start(() -> answerWithBadChecksums(fake));
            IpmiException e = login(c, new InetSocketAddress(fake.getLocalAddress(), fake.getLocalPort()));
            responder.interrupt();
            assertInstanceOf(IpmiException.Unreachable.class, e, e.getMessage());
            assertEquals(Phase.DISCOVERY, e.phase());
        }
    }

    /** Answers every datagram with a Get Channel Authentication Capabilities reply whose checksum is wrong. */
    private static void answerWithBadChecksums(DatagramSocket socket) {
        byte[] buf = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket in = new DatagramPacket(buf, buf.length);
                socket.receive(in);
                var spec = Commands.GET_CHANNEL_AUTH_CAPABILITIES;
                byte[] msg = new IpmiResponse(0x81, spec.netFn() | 1, 0, 0x20, 0, 0, spec.cmd(), CompletionCode.OK,
                        new byte[] {1, 0x14, 0x04, 0, 0, 0, 0, 0}).encode();
                msg[msg.length - 1] ^= 0x5A;
                byte[] out = new V15Packet(V15Packet.AUTH_NONE, 0, 0, new byte[0], msg).encode();
                socket.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
            } catch (java.io.IOException e) {
                return;
            }
        }
    }
}
