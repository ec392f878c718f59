package io.ipmirunner.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.Peers;
import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.session.IpmiVersion;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Quirk;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows of FreeIPMI's workaround catalogue (docs/interop-notes.md): each simulator quirk is shown faithful
 * by a FreeIPMI tool that fails on it without the matching {@code -W} flag and works with it, and
 * ipmi-runner's engine then works on it without being told.
 */
@Tag("interop")
class WorkaroundsInteropTest {
    @TempDir
    Path dir;

    @Test
    void badReplyChecksumsNeedNochecksumcheckInFreeIpmiAndNothingInIpmiRunner() throws Exception {
        Peers.require("ipmipower");
        try (InteropFleet fleet = new InteropFleet(1, dir, FaultProfile.NONE.withQuirks(
                Set.of(Quirk.BAD_REPLY_CHECKSUM)))) {
            InteropFleet.Result plain = fleet.freeipmi(0, "ipmipower", "--stat", "--session-timeout", "3000");
            assertFalse(plain.out().contains(": on"), "FreeIPMI without the workaround: " + plain.out());
            InteropFleet.Result flagged = fleet.freeipmi(0, "ipmipower", "--stat", "--session-timeout", "3000",
                    "-W", "nochecksumcheck");
            assertTrue(flagged.ok() && flagged.out().contains(": on"), "with -W nochecksumcheck: " + flagged.out());

            chassisStatus(fleet, SessionConfig.of("admin", Secret.of(InteropFleet.PASSWORD, "test")));
        }
    }

    @Test
    void aSuiteZeroRakp4WithAnIcvNeedsIntegritycheckvalueInFreeIpmiAndNothingInIpmiRunner() throws Exception {
        Peers.require("ipmipower");
        try (InteropFleet fleet = new InteropFleet(1, dir, FaultProfile.NONE.withQuirks(
                Set.of(Quirk.INSECURE_AUTH, Quirk.SUITE0_RAKP4_ICV)))) {
            InteropFleet.Result plain = fleet.freeipmi(0, "ipmipower", "--stat", "-I", "0", "--session-timeout",
                    "3000");
            assertFalse(plain.out().contains(": on"), "FreeIPMI without the workaround: " + plain.out());
            InteropFleet.Result flagged = fleet.freeipmi(0, "ipmipower", "--stat", "-I", "0", "--session-timeout",
                    "3000", "-W", "integritycheckvalue");
            assertTrue(flagged.ok() && flagged.out().contains(": on"), "with -W integritycheckvalue: "
                    + flagged.out());
            chassisStatus(fleet, SessionConfig.of("admin", Secret.of(InteropFleet.PASSWORD, "test"))
                    .withCipherSuite(0));
        }
    }

    @Test
    void authCapabilitiesDenyingEveryUserNeedAuthcapInFreeIpmiAndNothingInIpmiRunner() throws Exception {
        Peers.require("ipmipower");
        try (InteropFleet fleet = new InteropFleet(1, dir, FaultProfile.NONE.withQuirks(
                Set.of(Quirk.BAD_AUTH_CAPABILITIES)))) {
            InteropFleet.Result plain = fleet.freeipmi(0, "ipmipower", "--stat", "--session-timeout", "3000");
            assertFalse(plain.out().contains(": on"), "FreeIPMI without the workaround: " + plain.out());
            InteropFleet.Result flagged = fleet.freeipmi(0, "ipmipower", "--stat", "--session-timeout", "3000",
                    "-W", "authcap");
            assertTrue(flagged.ok() && flagged.out().contains(": on"), "with -W authcap: " + flagged.out());
            chassisStatus(fleet, SessionConfig.of("admin", Secret.of(InteropFleet.PASSWORD, "test")));
        }
    }

    @Test
    void byteSwappedV15SequenceNumbersNeedEndianseqInFreeIpmiAndNothingInIpmiRunner() throws Exception {
        Peers.require("ipmipower");
        try (InteropFleet fleet = new InteropFleet(1, dir, FaultProfile.NONE.withQuirks(
                Set.of(Quirk.SWAPPED_V15_SEQUENCE)))) {
            InteropFleet.Result plain = fleet.freeipmi(0, "ipmipower", "--stat", "-D", "LAN", "--session-timeout",
                    "3000");
            assertFalse(plain.out().contains(": on"), "FreeIPMI without the workaround: " + plain.out());
            InteropFleet.Result flagged = fleet.freeipmi(0, "ipmipower", "--stat", "-D", "LAN", "--session-timeout",
                    "3000", "-W", "endianseq");
            assertTrue(flagged.ok() && flagged.out().contains(": on"), "with -W endianseq: " + flagged.out());
            chassisStatus(fleet, SessionConfig.of("admin", Secret.of(InteropFleet.PASSWORD, "test"))
                    .withVersion(IpmiVersion.V15));
        }
    }

    /** ipmi-runner's engine logs in and reads the chassis status; throws if it cannot. */
    private static void chassisStatus(InteropFleet fleet, SessionConfig login) throws Exception {
        try (IpmiClient c = IpmiClient.create(IpmiClient.Options.defaults())) {
            try (BmcSession s = c.open(new BmcTarget("quirky", fleet.host().address(0), login))) {
                s.send(Commands.GET_CHASSIS_STATUS, WireMessage.Empty.INSTANCE);
            }
        }
    }
}
