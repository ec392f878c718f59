package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.LossInjector;
import io.ipmirunner.interop.SerialPeer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SOL through ipmi_sim with 10% of the UDP packets dropped each way (iptables). What was typed reaches the host
 * exactly once. What the host prints at under about 250 characters a second comes out whole, every character
 * once; a burst comes out in order and never doubled, but ipmi_sim may drop its end.
 *
 * <p>Why the rate matters (OpenIPMI 2.0.33, lanserv/sol.c): ipmi_sim resends an unacknowledged packet every
 * second and gives up at the sixth unanswered second, dropping its whole output buffer (up to 16 KiB). Its
 * counter of resends is reset only when the host prints while no packet is outstanding, not when a packet is
 * acked; so while a burst of several packets drains, every lost round trip of the burst counts against the
 * same five. A host that prints less than one packet (255 characters) per second drains ipmi_sim's buffer with
 * every ack, and the five resends are per packet: all six copies or their acks lost, about 1 in 20,000 packets
 * at this loss. A resend there often carries characters added since under the old sequence number; the
 * console must deliver only the added ones (it delivered the packet again before, doubling text).
 */
@Tag("interop")
@Tag("slow")
@Timeout(180)
class SolConsoleUnderLossTest {
    static final String ADDRESS = "127.62.1.1";

    @Test
    void typedOnceAndTheHostsTextWholeAtASerialPace() throws Exception {
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

                // One 53-character line every 300 ms: at most 4 lines (212 characters) wait in ipmi_sim for
                // a resend, one packet.
                String paced = SolConsoleAgainstIpmiSimTest.bootLog(40) + "login: ";
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                byte[] buf = new byte[4096];
                for (String line : paced.split("(?<=\n)")) {
                    host.write(line);
                    long until = System.nanoTime() + 300_000_000L;
                    while (System.nanoTime() < until) {
                        int n = console.read(buf, 50);
                        if (n > 0) {
                            got.write(buf, 0, n);
                        }
                    }
                }
                got.writeBytes(SolConsoleAgainstIpmiSimTest.readAtLeast(console, paced.length() - got.size(),
                        Duration.ofSeconds(20)).getBytes(StandardCharsets.ISO_8859_1));
                assertEquals(paced, got.toString(StandardCharsets.ISO_8859_1), "every character once, in order");

                // All at once: ipmi_sim's one budget of five resends for the whole burst (above).
                String burst = SolConsoleAgainstIpmiSimTest.bootLog(150) + "login: ";
                host.write(burst);
                String b = SolConsoleAgainstIpmiSimTest.readAtLeast(console, burst.length(), Duration.ofSeconds(40));
                assertTrue(burst.startsWith(b), "in order, nothing doubled or changed: " + b);
                System.out.printf("SolConsoleUnderLossTest: burst of %d characters, %d came out%n",
                        burst.length(), b.length());
                assertTrue(console.ended().isEmpty(), "the link survived the loss");
            }
        }
    }
}
