package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory's ipmi_timeout reaches the engine for that host; its ipmi_retries tries a silent host again. */
class HostTimeoutTest {
    @Test
    void ipmiTimeoutBoundsEachExchangeOfThatHost(@TempDir Path dir) throws Exception {
        // Nothing listens on 127.45.7.1:9 (discard): every request goes unanswered.
        Path inv = Files.writeString(dir.resolve("hosts.yml"), """
                all:
                  vars: {ipmi_user: admin, ipmi_password: secret}
                  hosts:
                    quick: {ipmi_host: 127.45.7.1, ipmi_port: 9, ipmi_timeout: 400ms}
                """);
        CliRun r = CliRun.of("exec", "all", "power", "-i", inv.toString(), "--timeout", "30");
        assertEquals(ExitCodes.HOST_UNREACHABLE, r.exit(), r.toString());
        Matcher m = Pattern.compile("within (\\d+) ms").matcher(r.out());
        assertTrue(m.find(), r.toString());
        long waited = Long.parseLong(m.group(1));
        assertTrue(waited >= 400 && waited < 30_000, r.toString());
    }

    @Test
    void ipmiRetriesTriesASilentHostAgainInExec(@TempDir Path dir) throws Exception {
        assertTrue(datagramsSeen(dir, 2) > 2 * datagramsSeen(dir, 0), "three tries send more than two would");
    }

    /** Datagrams a silent BMC (a socket that never answers) receives from one exec with that ipmi_retries. */
    private static int datagramsSeen(Path dir, int retries) throws Exception {
        try (java.net.DatagramSocket silent = new java.net.DatagramSocket(new java.net.InetSocketAddress(
                "127.45.7.2", 0))) {
            java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
            Thread counter = Thread.ofPlatform().daemon().start(() -> {
                byte[] buf = new byte[512];
                while (!silent.isClosed()) {
                    try {
                        silent.receive(new java.net.DatagramPacket(buf, buf.length));
                        seen.incrementAndGet();
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            Path inv = Files.writeString(dir.resolve("silent" + retries + ".yml"), """
                    all:
                      vars: {ipmi_user: admin, ipmi_password: secret}
                      hosts:
                        mute: {ipmi_host: 127.45.7.2, ipmi_port: %d, ipmi_timeout: 300ms, ipmi_retries: %d}
                    """.formatted(silent.getLocalPort(), retries));
            CliRun r = CliRun.of("exec", "all", "power", "-i", inv.toString());
            assertEquals(ExitCodes.HOST_UNREACHABLE, r.exit(), r.toString());
            silent.close();
            counter.join(1000);
            assertTrue(seen.get() >= 1, r.toString());
            return seen.get();
        }
    }
}
