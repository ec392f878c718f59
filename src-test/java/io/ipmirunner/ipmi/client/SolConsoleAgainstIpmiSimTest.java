package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.SerialPeer;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.command.app.PayloadMessages;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Secret;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Our SOL console against OpenIPMI's ipmi_sim, whose serial port is a TCP connection to a {@link SerialPeer}
 * the test runs as the host: what the host prints comes out of the console, what the console types reaches the
 * host, and one payload instance per BMC is enforced with the fail and steal policies.
 */
@Tag("interop")
@Timeout(120)
class SolConsoleAgainstIpmiSimTest {
    static final String ADDRESS = "127.0.180.1";
    private static SerialPeer host;
    private static IpmiSim bmc;
    private static IpmiClient client;

    @BeforeAll
    static void start() {
        host = new SerialPeer(ADDRESS, 18001);
        bmc = IpmiSim.builder().address(ADDRESS).sol(ADDRESS, 18001).build();
        client = IpmiClient.create(IpmiClient.Options.defaults()
                .withTiming(Timing.DEFAULT.withRetransmitMillis(300).withTimeoutMillis(5000)));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (bmc != null) {
            bmc.close();
        }
        if (host != null) {
            host.close();
        }
    }

    static BmcTarget target(IpmiSim sim) {
        return new BmcTarget("ipmi_sim", new InetSocketAddress(sim.host(), sim.port()),
                SessionConfig.of(sim.username(), Secret.of(sim.password(), "test")).withCipherSuite(3));
    }

    /** Reads from the console until {@code expected} characters came or {@code wait} passed. */
    static String readAtLeast(SolConsole console, int expected, Duration wait) throws InterruptedException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + wait.toNanos();
        byte[] buf = new byte[4096];
        while (got.size() < expected && System.nanoTime() < deadline) {
            int n = console.read(buf, 200);
            if (n < 0) {
                break;
            }
            got.write(buf, 0, n);
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    /** Numbered lines, so a lost or doubled stretch shows where. */
    static String bootLog(int lines) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            b.append("[%05d] the quick brown fox jumps over the lazy dog\r\n".formatted(i));
        }
        return b.toString();
    }

    @Test
    void theHostsOutputComesOutAndTypedTextGoesIn() throws Exception {
        assertTrue(host.awaitConnected(Duration.ofSeconds(10)), "ipmi_sim connects to the serial peer");
        try (BmcSession shared = client.open(target(bmc));
             SolConsole console = SolConsole.open(shared, SolConsole.WhenActive.FAIL)) {
            PayloadMessages.Activated a = console.activated();
            assertTrue(a.inboundSize() > 4, "inbound payload size from Activate Payload: " + a);
            String log = bootLog(60) + "login: ";
            host.write(log);
            assertEquals(log, readAtLeast(console, log.length(), Duration.ofSeconds(30)));

            byte[] typed = "root\r".getBytes(StandardCharsets.US_ASCII);
            assertEquals(typed.length, console.write(typed, 5000));
            assertTrue(host.awaitReceived("root\r", Duration.ofSeconds(10)), "host got: " + host.received());
            assertTrue(console.ended().isEmpty());
        }
    }

    @Test
    void aSecondConsoleFailsByDefaultAndStealsWhenAsked() throws Exception {
        assertTrue(host.awaitConnected(Duration.ofSeconds(10)));
        try (BmcSession shared = client.open(target(bmc));
             SolConsole first = SolConsole.open(shared, SolConsole.WhenActive.FAIL)) {
            IpmiException e = assertThrows(IpmiException.class,
                    () -> SolConsole.open(shared, SolConsole.WhenActive.FAIL).close());
            assertTrue(e.getMessage().contains("already active on another session")
                    && e.getMessage().contains("0x80"), e.getMessage());
            try (SolConsole second = SolConsole.open(shared, SolConsole.WhenActive.STEAL)) {
                host.write("after the steal\r\n");
                assertEquals("after the steal\r\n", readAtLeast(second, 17, Duration.ofSeconds(20)));
            }
        }
    }

    /**
     * A break (§15.9 operation bit 4) between typed characters: ipmi_sim passes it to a {@code tcp:} serial port
     * as telnet's BREAK (IAC BRK, bytes FF F3), in its place among them.
     */
    @Test
    void aBreakReachesTheSerialPortBetweenWhatWasTypedAroundIt() throws Exception {
        assertTrue(host.awaitConnected(Duration.ofSeconds(10)));
        try (BmcSession shared = client.open(target(bmc));
             SolConsole console = SolConsole.open(shared, SolConsole.WhenActive.FAIL)) {
            assertEquals(6, console.write("brk-a:".getBytes(StandardCharsets.US_ASCII), 5000));
            assertTrue(console.sendBreak());
            assertEquals(6, console.write("brk-b\r".getBytes(StandardCharsets.US_ASCII), 5000));
            assertTrue(host.awaitReceived("brk-a:\u00ff\u00f3brk-b\r", Duration.ofSeconds(10)),
                    "host got: " + host.received());
        }
    }
}
