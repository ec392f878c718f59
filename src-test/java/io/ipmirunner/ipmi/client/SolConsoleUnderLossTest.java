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
 * SOL through ipmi_sim with 10% of the UDP packets dropped each way (iptables): what the host printed comes
 * out exactly, no character lost or doubled, and what was typed reaches the host exactly.
 */
@Tag("interop")
@Tag("slow")
@Timeout(180)
class SolConsoleUnderLossTest {
    static final String ADDRESS = "127.0.181.1";

    @Test
    void noCharacterIsLostOrDoubled() throws Exception {
        try (SerialPeer host = new SerialPeer(ADDRESS, 18002);
             IpmiSim bmc = IpmiSim.builder().address(ADDRESS).sol(ADDRESS, 18002).build();
             IpmiClient client = IpmiClient.create(IpmiClient.Options.defaults()
                     .withTiming(Timing.DEFAULT.withRetransmitMillis(300).withTimeoutMillis(10_000)))) {
            assertTrue(host.awaitConnected(Duration.ofSeconds(10)), "ipmi_sim connects to the serial peer");
            try (LossInjector loss = LossInjector.onAddress(ADDRESS, 0.10);
                 BmcSession shared = client.open(SolConsoleAgainstIpmiSimTest.target(bmc));
                 SolConsole console = SolConsole.open(shared, SolConsole.WhenActive.FAIL)) {
                String log = SolConsoleAgainstIpmiSimTest.bootLog(150) + "login: ";
                host.write(log);
                String got = SolConsoleAgainstIpmiSimTest.readAtLeast(console, log.length(), Duration.ofSeconds(90));
                assertEquals(log, got, "the console saw exactly what the host printed");

                String typed = "root\rsecret\rdmesg | tail\r".repeat(10);
                byte[] t = typed.getBytes(StandardCharsets.US_ASCII);
                assertEquals(t.length, console.write(t, 30_000));
                assertTrue(host.awaitReceived(typed, Duration.ofSeconds(60)), "host got: " + host.received());
                assertEquals(typed, host.received(), "typed once, received once");
                assertTrue(console.ended().isEmpty(), "the link survived the loss");
            }
        }
    }
}
