package io.ipmirunner.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.wire.AsfMessage;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Latency;
import io.ipmirunner.sim.lan.LanServices;
import io.ipmirunner.sim.model.UserTable;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The socket edge: one socket per BMC, the latency and loss faults, unreachable BMCs. */
class FleetHostTest {
    @Test
    void latencyDelaysAndLossOrDeathSilence() throws Exception {
        var users = UserTable.standard("admin", Secret.of("pw", "t"));
        List<FleetGroup> groups = List.of(
                new FleetGroup("slow", 1, "generic", BmcSettings.DEFAULTS,
                        FaultProfile.NONE.withLatency(new Latency.Fixed(300)), 0),
                new FleetGroup("lossy", 1, "generic", BmcSettings.DEFAULTS, FaultProfile.NONE.withLoss(1.0), 0),
                new FleetGroup("dead", 1, "generic", BmcSettings.DEFAULTS, FaultProfile.NONE, 1.0));
        var plans = FleetPlanner.plan(groups, new Addressing.BasePort("127.0.0.1", 0), users, 3);
        try (FleetHost host = FleetHost.start(plans, LanServices.seeded(3), 3);
             DatagramChannel client = DatagramChannel.open()) {
            client.bind(new InetSocketAddress("127.0.0.1", 0));
            client.socket().setSoTimeout(1_000);
            long t0 = System.nanoTime();
            assertTrue(ping(client, host.address(0)), "the slow BMC answers");
            assertTrue((System.nanoTime() - t0) / 1_000_000 >= 290, "after its latency");
            assertTrue(!ping(client, host.address(1)), "loss 1.0 loses everything");
            assertTrue(!ping(client, host.address(2)), "a dead BMC never answers");
            assertEquals(3, host.stats().received());
            assertEquals(1, host.stats().answered());
        }
    }

    private static boolean ping(DatagramChannel client, InetSocketAddress to) throws Exception {
        client.send(ByteBuffer.wrap(AsfMessage.ping(1).encode()), to);
        try {
            byte[] b = new byte[64];
            var p = new java.net.DatagramPacket(b, b.length);
            client.socket().receive(p);
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
