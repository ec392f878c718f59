package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.PyghmiBmc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exec} with no cipher suite option against pyghmi's BMC (Debian python3-pyghmi), which answers a
 * proposal of suite 17 with status 0 and suite 3's algorithms: the login takes suite 3, and the BMC's own
 * log shows each change happened once.
 */
@Tag("interop")
class ExecAgainstPyghmiTest {
    private static PyghmiBmc bmc;
    @TempDir
    static Path dir;
    private static Path passwordFile;

    @BeforeAll
    static void start() throws Exception {
        bmc = PyghmiBmc.start();
        passwordFile = dir.resolve("pw");
        Files.writeString(passwordFile, bmc.password() + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    }

    @AfterAll
    static void stop() {
        if (bmc != null) {
            bmc.close();
        }
    }

    private static CliRun exec(String module, String... more) {
        List<String> args = new ArrayList<>(List.of("exec", bmc.host() + ":" + bmc.port(), module));
        args.addAll(List.of(more));
        args.addAll(List.of("-u", bmc.username(), "--password-file", passwordFile.toString(), "--timeout", "5",
                "--report-dir", dir.resolve("run-" + System.nanoTime()).toString()));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void powerStatusOnOffWithoutASuiteOption() {
        CliRun status = exec("power");
        assertEquals(0, status.exit(), status.toString());
        assertTrue(status.out().contains("| OK | state=off"), status.toString());

        CliRun on = exec("power", "state=on");
        assertEquals(0, on.exit(), on.toString());
        assertTrue(on.out().contains("| CHANGED | previous=off action=on state=on"), on.toString());
        CliRun again = exec("power", "state=on");
        assertTrue(again.out().contains("| OK | ") && again.out().contains("state=on"), "on when on: " + again);

        CliRun off = exec("power", "state=off");
        assertEquals(0, off.exit(), off.toString());
        assertTrue(off.out().contains("| CHANGED | previous=on action=off state=off"), off.toString());
        assertTrue(exec("power").out().contains("| OK | state=off"));

        List<String> log = bmc.log().stream().filter(l -> l.startsWith("power")).toList();
        assertEquals(List.of("power on", "power off"), log, "each change once, nothing else: " + bmc.log());
        assertEquals("", bmc.errors());
    }

    @Test
    void mcInfoReadsTheFourteenByteDeviceId() {
        CliRun r = exec("mc_info", "--json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\"manufacturer_id\": 10876"), r.toString());
        assertTrue(r.out().contains("\"product_id\": 2311"), r.toString());
    }

    @Test
    void bootDevicePxeIsSetAndReadBack() {
        CliRun set = exec("boot_device", "device=pxe");
        assertEquals(0, set.exit(), set.toString());
        assertTrue(set.out().contains("| CHANGED | device=pxe") && set.out().contains("verified=true"),
                set.toString());
        CliRun read = exec("boot_device", "--json");
        assertEquals(0, read.exit(), read.toString());
        assertTrue(read.out().contains("\"device\": \"pxe\""), read.toString());
        assertTrue(bmc.log().contains("bootdev network"), bmc.log().toString());
        CliRun same = exec("boot_device", "device=pxe");
        assertTrue(same.out().contains("| OK | device=pxe"), "already pxe: " + same);
    }

    @Test
    void aForcedSuiteTheBmcReplacesFailsInOneLineSayingWhatItOffered() {
        CliRun r = exec("power", "--cipher-suite", "17");
        assertEquals(ExitCodes.HOST_FAILED, r.exit(), r.toString());
        assertEquals(1, r.out().lines().count(), r.toString());
        assertTrue(r.out().contains("the BMC answered the proposal of cipher suite 17 with cipher suite 3"
                + " (RAKP-HMAC-SHA1, HMAC-SHA1-96, AES-CBC-128) instead"), r.toString());
    }
}
