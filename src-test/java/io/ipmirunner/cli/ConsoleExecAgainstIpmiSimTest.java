package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.Peers;
import io.ipmirunner.interop.SerialPeer;
import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.client.SolConsole;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Secret;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exec HOST console until='login:' timeout=20s} through ipmi_sim, whose serial port is a TCP server
 * the test runs as the host: the module returns the text the host wrote (ANSI sequences and carriage returns
 * removed) and the match; a console already active elsewhere fails clearly, and policy=steal takes it.
 */
@Tag("interop")
@Timeout(120)
class ConsoleExecAgainstIpmiSimTest {
    static final String ADDRESS = "127.0.182.1";
    static final int SERIAL_PORT = 18003;
    private static SerialPeer host;
    private static IpmiSim bmc;
    @TempDir
    static Path dir;
    private static Path passwordFile;

    @BeforeAll
    static void start() throws Exception {
        Peers.require("ipmi_sim");
        host = new SerialPeer(ADDRESS, SERIAL_PORT);
        bmc = IpmiSim.builder().address(ADDRESS).sol(ADDRESS, SERIAL_PORT).build();
        passwordFile = dir.resolve("pw");
        Files.writeString(passwordFile, bmc.password() + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        assertTrue(host.awaitConnected(Duration.ofSeconds(10)), "ipmi_sim connects to the serial peer");
    }

    @AfterAll
    static void stop() {
        if (bmc != null) {
            bmc.close();
        }
        if (host != null) {
            host.close();
        }
    }

    private static CliRun exec(String... moduleArgs) {
        List<String> args = new java.util.ArrayList<>(List.of("exec", bmc.host() + ":" + bmc.port(), "console"));
        args.addAll(List.of(moduleArgs));
        args.addAll(List.of("-u", bmc.username(), "--password-file", passwordFile.toString(), "--timeout", "5",
                "--cipher-suite", "3", "--json"));
        return CliRun.of(args.toArray(String[]::new));
    }

    /**
     * The host prints its boot screen every 300 ms while the test runs, so whenever SOL becomes active a whole
     * screen follows. Returns everything printed, as the module's text should show it.
     */
    private static Thread bootScreens(AtomicBoolean stop, StringBuilder printed) {
        return Thread.ofVirtual().start(() -> {
            for (int i = 0; !stop.get() && i < 400; i++) {
                String screen = "\u001b[2J\u001b[1;1HPOST " + i + " \u001b[1;32mOK\u001b[0m\r\nPXE boot\r\nlogin: ";
                synchronized (printed) {
                    printed.append(screen.replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "").replace("\r", ""));
                }
                host.write(screen);
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    @Test
    void execConsoleUntilLoginReturnsTheHostsText() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        StringBuilder printed = new StringBuilder();
        Thread screens = bootScreens(stop, printed);
        CliRun r;
        try {
            r = exec("until=login:", "timeout=20s");
        } finally {
            stop.set(true);
            screens.join(2000);
        }
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\"matched\": \"login:\""), r.toString());
        Object json = io.ipmirunner.util.Json.parse(r.out());
        String text = String.valueOf(((Map<?, ?>) findKey(json, "text")).get("text"));
        assertTrue(text.strip().endsWith("login:") && text.contains("PXE boot\nlogin:"), text);
        assertTrue(!text.contains("\u001b") && !text.contains("\r"), text);
        synchronized (printed) {
            assertTrue(printed.toString().contains(text), "captured text is what the host printed: " + text);
        }
        assertEquals(0, bmc.sessionCount(), "the console's session is closed");
    }

    @Test
    void anActiveConsoleFailsTheTaskUnlessPolicyIsSteal() throws Exception {
        BmcTarget t = new BmcTarget("ipmi_sim", new InetSocketAddress(bmc.host(), bmc.port()),
                SessionConfig.of(bmc.username(), Secret.of(bmc.password(), "test")).withCipherSuite(3));
        try (IpmiClient client = IpmiClient.create(); BmcSession s = client.open(t);
             SolConsole other = SolConsole.open(s, SolConsole.WhenActive.FAIL)) {
            CliRun busy = exec("duration=1s");
            assertEquals(ExitCodes.HOST_FAILED, busy.exit(), busy.toString());
            assertTrue(busy.out().contains("already active on another session"), busy.toString());
            assertTrue(busy.out().contains("0x80"), busy.toString());

            CliRun steal = exec("duration=1s", "policy=steal");
            assertEquals(0, steal.exit(), steal.toString());
        }
    }

    /** The map holding {@code key}, wherever the run's JSON nests it. */
    private static Object findKey(Object node, String key) {
        if (node instanceof Map<?, ?> m) {
            if (m.containsKey(key)) {
                return m;
            }
            for (Object v : m.values()) {
                Object f = findKey(v, key);
                if (f != null) {
                    return f;
                }
            }
        } else if (node instanceof List<?> l) {
            for (Object v : l) {
                Object f = findKey(v, key);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}
