package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory's ipmi_timeout reaches the engine for that host only. */
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
}
