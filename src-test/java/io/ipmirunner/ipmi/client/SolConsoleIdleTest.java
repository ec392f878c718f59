package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.SerialPeer;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A console whose host prints nothing for longer than ipmi_sim's 30 s session timeout stays open (the SOL
 * keep-alive), and reads what the host prints afterwards. Found by hand: the session's own keep-alive, at
 * 30 s, came too late and the console ended.
 */
@Tag("interop")
@Tag("slow")
@Timeout(120)
class SolConsoleIdleTest {
    static final String ADDRESS = "127.0.189.1";

    @Test
    void aSilentHostDoesNotLoseTheConsole() throws Exception {
        try (SerialPeer host = new SerialPeer(ADDRESS, 18005);
             IpmiSim bmc = IpmiSim.builder().address(ADDRESS).sol(ADDRESS, 18005).build();
             IpmiClient client = IpmiClient.create();
             BmcSession shared = client.open(SolConsoleAgainstIpmiSimTest.target(bmc));
             SolConsole console = SolConsole.open(shared, SolConsole.WhenActive.FAIL)) {
            assertTrue(host.awaitConnected(Duration.ofSeconds(10)));
            Thread.sleep(IpmiSim.SESSION_IDLE_TIMEOUT.plusSeconds(8).toMillis());
            assertTrue(console.ended().isEmpty(), "ended: " + console.ended());
            host.write("still here\r\n");
            assertEquals("still here\r\n", SolConsoleAgainstIpmiSimTest.readAtLeast(console, 12, Duration.ofSeconds(10)));
        }
    }
}
