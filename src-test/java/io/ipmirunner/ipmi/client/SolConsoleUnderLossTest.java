package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.LossInjector;
import io.ipmirunner.interop.SerialPeer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SOL through ipmi_sim with 10% of the UDP packets dropped each way (iptables). What was typed reaches the host
 * exactly once. What the host printed comes out in order and never doubled; it comes out whole unless
 * ipmi_sim gives up a packet: ipmi_sim 2.0.33 resends a packet a few times (1 s, then 2 s apart; its retry
 * count is not configurable: Set SOL Configuration Parameters "retry" is refused), and when every copy or every
 * ack of one packet is lost it stops sending altogether (seen in all 4 runs at 20-25% loss that got past the
 * login, and in 1 of 2 at 10%; acking its last packet again did not wake it). So the host's text is checked
 * as a prefix, at least the
 * first packet's worth; {@code SolConsoleUnderSimLossTest} checks the whole text against a BMC that keeps
 * resending.
 */
@Tag("interop")
@Tag("slow")
@Timeout(180)
class SolConsoleUnderLossTest {
    static final String ADDRESS = "127.0.181.1";

    @Test
    void nothingIsDoubledOrReorderedAndTypingArrivesOnce() throws Exception {
        try (SerialPeer host = new SerialPeer(ADDRESS, 18002);
             IpmiSim bmc = IpmiSim.builder().address(ADDRESS).sol(ADDRESS, 18002).build();
             IpmiClient client = IpmiClient.create(IpmiClient.Options.defaults()
                     .withTiming(Timing.DEFAULT.withRetransmitMillis(300).withTimeoutMillis(20_000)))) {
            assertTrue(host.awaitConnected(Duration.ofSeconds(10)), "ipmi_sim connects to the serial peer");
            try (LossInjector loss = LossInjector.onAddress(ADDRESS, 0.10);
                 BmcSession shared = client.open(SolConsoleAgainstIpmiSimTest.target(bmc));
                 SolConsole console = SolConsole.open(shared, SolConsole.WhenActive.FAIL)) {
                assertEquals(2, loss.rules().size(), "the loss rules are in");
                String typed = "root\rsecret\rdmesg | tail\r".repeat(10);
                byte[] t = typed.getBytes(StandardCharsets.US_ASCII);
                assertEquals(t.length, console.write(t, 30_000));
                assertTrue(host.awaitReceived(typed, Duration.ofSeconds(60)), "host got: " + host.received());
                assertEquals(typed, host.received(), "typed once, received once");

                String log = SolConsoleAgainstIpmiSimTest.bootLog(150) + "login: ";
                host.write(log);
                String got = SolConsoleAgainstIpmiSimTest.readAtLeast(console, log.length(), Duration.ofSeconds(40));
                assertTrue(log.startsWith(got), "in order, nothing doubled or changed: " + got);
                assertTrue(got.length() >= 128, "at least ipmi_sim's first packet: " + got.length());
                assertTrue(console.ended().isEmpty(), "the link survived the loss");
            }
        }
    }
}
