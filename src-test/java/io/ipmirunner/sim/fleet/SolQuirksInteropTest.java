package io.ipmirunner.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.Peers;
import io.ipmirunner.interop.PtyClient;
import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.client.SolConsole;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.chassis.ChassisControl;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.ipmi.session.Workaround;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Quirk;
import io.ipmirunner.sim.lan.LanServices;
import io.ipmirunner.sim.model.Personality;
import io.ipmirunner.sim.model.UserTable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SOL rows of FreeIPMI's workaround catalogue (docs/interop-notes.md, docs/console.md): each simulator
 * quirk is shown faithful by FreeIPMI's ipmiconsole, which fails or misbehaves on it without the matching
 * {@code -W} flag and shows the typed text's echo with it; then ipmi-runner's console works on it, unasked
 * where the fault can be told, else with the host's {@code ipmi_workarounds}. The BMCs listen on port 623:
 * ipmiconsole follows a reported SOL port only from a session on 623.
 */
@Tag("interop")
@Timeout(180)
class SolQuirksInteropTest {
    static final String PASSWORD = "sol-quirk-Pw-18";
    @TempDir
    Path dir;

    @Test
    void aSolPortNothingAnswersOnNeedsSolportInIpmiconsoleAndNothingInIpmiRunner() throws Exception {
        try (FleetHost bmc = start("127.66.19.1", Quirk.WRONG_SOL_PORT)) {
            assertTrue(ipmiconsole(bmc, "--session-timeout=20000").contains("connection timeout"));
            assertTrue(ipmiconsole(bmc, "-W solport").contains("hello"));
            assertTrue(ours(bmc, Set.of(), c -> assertTrue(c.portNote().contains("where nothing answered"),
                    c.portNote())).contains("hello"));
            // SOL runs on the session's port while the reported one is tried: the boot log is not lost meanwhile.
            reset(bmc);
            assertTrue(ours(bmc, Set.of(), "").endsWith("simhost login: "));
            assertTrue(ours(bmc, Set.of(Workaround.SOLPORT), c -> assertEquals("", c.portNote())).contains("hello"));
        }
    }

    @Test
    void solServedOnAPortOfItsOwnIsFollowedByIpmiconsoleAndIpmiRunnerAndRefusedByIpmitool() throws Exception {
        try (FleetHost bmc = start("127.66.19.2", Quirk.SOL_PORT_ELSEWHERE)) {
            assertTrue(ipmiconsole(bmc, "").contains("hello"));
            // The workaround is for a wrong port: told to ignore a right one, ipmiconsole's typing goes nowhere.
            String ignoring = ipmiconsole(bmc, "-W solport");
            assertTrue(ignoring.contains("[SOL established]") && !ignoring.contains("hello"), ignoring);
            Peers.require("ipmitool");
            try (PtyClient t = PtyClient.start("ipmitool -I lanplus -H 127.66.19.2 -U admin -E sol activate",
                    Map.of("IPMI_PASSWORD", PASSWORD), Duration.ofSeconds(20))) {
                assertTrue(t.await("BMC requests SOL session on different port", Duration.ofSeconds(15)), t.output());
            }
            int solPort = bmc.solPort(0);
            assertTrue(ours(bmc, Set.of(), c -> assertEquals("SOL runs on UDP port " + solPort
                    + ", as the BMC reported", c.portNote())).contains("hello"));
            reset(bmc);
            String log = ours(bmc, Set.of(), "");
            assertTrue(log.contains("Simulated BIOS") && log.endsWith("simhost login: "), log);
        }
    }

    @Test
    void payloadSizesWithTheirBytesSwappedNeedSolpayloadsizeInIpmiconsoleAndNothingInIpmiRunner() throws Exception {
        try (FleetHost bmc = start("127.66.19.3", Quirk.SWAPPED_SOL_PAYLOAD_SIZE)) {
            assertTrue(ipmiconsole(bmc, "").contains("BMC Implementation"));
            assertTrue(ipmiconsole(bmc, "-W solpayloadsize").contains("hello"));
            // 300 characters in packets of 32: a packet of the reported size (51,196) would be dropped.
            String line = "0123456789".repeat(30);
            assertTrue(ours(bmc, Set.of(), line).contains(line));
        }
    }

    @Test
    void aStuckSequenceNumberNeedsSolpacketseqInBothTools() throws Exception {
        try (FleetHost bmc = start("127.66.19.4", Quirk.STUCK_SOL_SEQUENCE)) {
            // A short retransmission timeout: ipmiconsole gives up before its keep-alive resets the count.
            assertTrue(ipmiconsole(bmc, "--retransmission-timeout=100").contains("excess retransmissions sent"));
            assertTrue(ipmiconsole(bmc, "--retransmission-timeout=100 -W solpacketseq").contains("hello"));
            try (IpmiClient client = IpmiClient.create(); BmcSession s = client.open(target(bmc, Set.of()));
                 SolConsole c = SolConsole.open(s, SolConsole.WhenActive.FAIL)) {
                c.write("hello".getBytes(StandardCharsets.US_ASCII), 2000);
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (c.ended().isEmpty() && System.nanoTime() < deadline) {
                    c.read(new byte[256], 200);
                }
                assertTrue(c.ended().orElse("").contains("no acknowledgement"), "without: " + c.ended());
            }
            assertTrue(ours(bmc, Set.of(Workaround.SOLPACKETSEQ), "hello").contains("hello"));
        }
    }

    @Test
    void aRefusedActivationStatusNeedsSolstatusInIpmiconsoleAndNothingInIpmiRunner() throws Exception {
        try (FleetHost bmc = start("127.66.19.5", Quirk.NO_SOL_ACTIVATION_STATUS)) {
            assertTrue(ipmiconsole(bmc, "").contains("BMC Error"));
            assertTrue(ipmiconsole(bmc, "-W solstatus").contains("hello"));
            assertTrue(ours(bmc, Set.of(), "hello").contains("hello"));
        }
    }

    @Test
    void aRefusedChannelPayloadSupportNeedsSolchannelsupportInIpmiconsoleAndNothingInIpmiRunner() throws Exception {
        try (FleetHost bmc = start("127.66.19.6", Quirk.NO_CHANNEL_PAYLOAD_SUPPORT)) {
            assertTrue(ipmiconsole(bmc, "").contains("BMC Error"));
            assertTrue(ipmiconsole(bmc, "-W solchannelsupport").contains("hello"));
            assertTrue(ours(bmc, Set.of(), "hello").contains("hello"));
        }
    }

    @Test
    void inputStalledByFailingAlertsNeedsSerialalertsdeferredInIpmiconsoleAndNothingInIpmiRunner() throws Exception {
        try (FleetHost bmc = start("127.66.19.7", Quirk.SOL_STALLS_WHEN_ALERTS_FAIL)) {
            assertTrue(ipmiconsole(bmc, "--retransmission-timeout=100").contains("excess retransmissions sent"));
            assertTrue(ipmiconsole(bmc, "-W serialalertsdeferred").contains("hello"));
            assertTrue(ours(bmc, Set.of(), "hello").contains("hello"));
        }
    }

    /**
     * No FreeIPMI flag covers a BMC whose output packets all carry number 1: ipmiconsole takes each as a resend
     * of the last and drops as many characters as that one had, so the boot log breaks off. Ours delivers a
     * packet that does not begin with the last one's characters.
     */
    @Test
    void outputPacketsAllNumberedOneLoseTextInIpmiconsoleAndNotInIpmiRunner() throws Exception {
        try (FleetHost bmc = start("127.66.19.8", Quirk.REPEATED_SOL_SEQUENCE)) {
            reset(bmc);
            String theirs = ipmiconsole(bmc, "");
            assertTrue(theirs.contains("Simulated BIOS") && !theirs.contains("simhost login: "), theirs);
            reset(bmc);
            String text = ours(bmc, Set.of(), "");
            assertTrue(text.contains("Simulated BIOS") && text.endsWith("simhost login: "), text);
            assertEquals(1, text.split("POST: memory test", -1).length - 1, text);
        }
    }

    /** A reset: the host prints its boot log, kept in the port's buffer until a console activates. */
    private void reset(FleetHost bmc) throws Exception {
        try (IpmiClient client = IpmiClient.create(); BmcSession s = client.open(target(bmc, Set.of()))) {
            s.send(Commands.CHASSIS_CONTROL, new ChassisControl(ChassisControl.HARD_RESET));
        }
        Thread.sleep(1000);
    }

    private FleetHost start(String address, Quirk quirk) {
        Peers.requireRoot("a simulated BMC on port 623, where ipmiconsole follows a SOL port");
        var group = new FleetGroup("solq", 1, Personality.GENERIC.key(), BmcSettings.DEFAULTS.withPowerOnDelay(300),
                FaultProfile.NONE.withQuirks(Set.of(quirk)), 0);
        var plans = FleetPlanner.plan(List.of(group), new Addressing.AddressList(List.of(address), 623),
                UserTable.standard("admin", Secret.of(PASSWORD, "test")), 18);
        return FleetHost.start(plans, LanServices.seeded(18), 18);
    }

    /**
     * ipmiconsole on a pty with {@code args}: once "[SOL established]", types "hello" and waits a few seconds
     * for its echo (or an error), and leaves; returns what it printed.
     */
    private String ipmiconsole(FleetHost bmc, String args) throws Exception {
        Peers.require("ipmiconsole");
        Path conf = dir.resolve("freeipmi.conf");
        if (!Files.exists(conf)) {
            Files.createFile(conf, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(conf, "username admin\npassword " + PASSWORD + "\n");
        }
        String cmd = "ipmiconsole --config-file=" + conf + " -h " + bmc.address(0).getAddress().getHostAddress()
                + " " + args;
        try (PtyClient c = PtyClient.start(cmd, Map.of(), Duration.ofSeconds(45))) {
            if (c.await("[SOL established]", Duration.ofSeconds(30))) {
                c.type("hello");
                c.await("hello", Duration.ofSeconds(12));
                c.await("[error received]", Duration.ofMillis(200));
                if (!c.output().contains("[error received]")) {
                    c.type("&."); // leaves, deactivating SOL, so that the next console finds it free
                    c.waitFor(Duration.ofSeconds(10));
                }
            }
            return c.output();
        }
    }

    private BmcTarget target(FleetHost bmc, Set<Workaround> told) {
        SessionConfig config = SessionConfig.of("admin", Secret.of(PASSWORD, "test")).withWorkarounds(told);
        return new BmcTarget("solq", bmc.address(0), config).withTimeout(Duration.ofSeconds(2));
    }

    private interface Check {
        void on(SolConsole c);
    }

    private String ours(FleetHost bmc, Set<Workaround> told, Check check) throws Exception {
        return ours(bmc, told, "hello", check);
    }

    private String ours(FleetHost bmc, Set<Workaround> told, String typed) throws Exception {
        return ours(bmc, told, typed, c -> { });
    }

    /** Our console: types {@code typed}, reads until its echo (or the boot log's prompt) came or 15 s passed. */
    private String ours(FleetHost bmc, Set<Workaround> told, String typed, Check check) throws Exception {
        try (IpmiClient client = IpmiClient.create(); BmcSession s = client.open(target(bmc, told));
             SolConsole c = SolConsole.open(s, SolConsole.WhenActive.FAIL)) {
            check.on(c);
            assertEquals(typed.length(), c.write(typed.getBytes(StandardCharsets.US_ASCII), 5000));
            String until = typed.isEmpty() ? "login: " : typed;
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[1024];
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!got.toString(StandardCharsets.ISO_8859_1).contains(until) && System.nanoTime() < deadline) {
                got.write(buf, 0, Math.max(0, c.read(buf, 200)));
            }
            assertFalse(c.ended().isPresent(), "link ended: " + c.ended());
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
