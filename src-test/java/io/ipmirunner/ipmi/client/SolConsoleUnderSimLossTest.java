package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fleet.Addressing;
import io.ipmirunner.sim.fleet.FleetGroup;
import io.ipmirunner.sim.fleet.FleetHost;
import io.ipmirunner.sim.fleet.FleetPlanner;
import io.ipmirunner.sim.lan.LanServices;
import io.ipmirunner.sim.model.Personality;
import io.ipmirunner.sim.model.UserTable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Both directions of SOL with 10% of the packets lost each way (the simulator's loss fault, applied to every
 * datagram in and out, SOL's own included), against a BMC that resends until acked as §15.11 has it: 20,000
 * characters typed come back in the host's echo exactly, none lost, none doubled.
 */
@Timeout(120)
class SolConsoleUnderSimLossTest {
    @Test
    void typedTextEchoesBackExactly() throws Exception {
        var group = new FleetGroup("l", 1, Personality.GENERIC.key(), BmcSettings.DEFAULTS,
                FaultProfile.NONE.withLoss(0.10), 0);
        var plans = FleetPlanner.plan(List.of(group), new Addressing.BasePort("127.0.184.2", 18600),
                UserTable.standard("admin", Secret.of("loss-Pw", "test")), 11);
        try (FleetHost fleet = FleetHost.start(plans, LanServices.seeded(11), 11);
             IpmiClient client = IpmiClient.create(IpmiClient.Options.defaults()
                     .withTiming(Timing.DEFAULT.withRetransmitMillis(300).withTimeoutMillis(20_000)));
             BmcSession s = client.open(new BmcTarget("sim", fleet.address(0),
                     SessionConfig.of("admin", Secret.of("loss-Pw", "test"))));
             SolConsole console = SolConsole.open(s, SolConsole.WhenActive.FAIL)) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; b.length() < 20_000; i++) {
                b.append("line ").append(i).append(" typed at the console\r");
            }
            String typed = b.toString();
            byte[] t = typed.getBytes(StandardCharsets.US_ASCII);
            assertEquals(t.length, console.write(t, 60_000));
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (got.size() < t.length && System.nanoTime() < deadline) {
                int n = console.read(buf, 200);
                if (n < 0) {
                    break;
                }
                got.write(buf, 0, n);
            }
            assertEquals(typed, got.toString(StandardCharsets.US_ASCII), "echoed exactly: " + console.ended());
            assertTrue(fleet.stats().lost() >= 5, "packets were really lost: " + fleet.stats());
        }
    }
}
