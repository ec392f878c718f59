package io.ipmirunner.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.Peers;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.session.IpmiVersion;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.ipmi.session.Workaround;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Quirk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
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
        row(Set.of(Quirk.BAD_REPLY_CHECKSUM), List.of(), "nochecksumcheck", c -> c);
    }

    @Test
    void aSuiteZeroRakp4WithAnIcvNeedsIntegritycheckvalueInFreeIpmiAndNothingInIpmiRunner() throws Exception {
        row(Set.of(Quirk.INSECURE_AUTH, Quirk.SUITE0_RAKP4_ICV), List.of("-I", "0"), "integritycheckvalue",
                c -> c.withCipherSuite(0));
    }

    @Test
    void authCapabilitiesDenyingEveryUserNeedAuthcapInFreeIpmiAndNothingInIpmiRunner() throws Exception {
        row(Set.of(Quirk.BAD_AUTH_CAPABILITIES), List.of(), "authcap", c -> c);
    }

    @Test
    void byteSwappedV15SequenceNumbersNeedEndianseqInFreeIpmiAndNothingInIpmiRunner() throws Exception {
        row(Set.of(Quirk.SWAPPED_V15_SEQUENCE), List.of("-D", "LAN"), "endianseq",
                c -> c.withVersion(IpmiVersion.V15));
    }

    @Test
    void keysHashedWithOpenSessionsPrivilegeNeedOpensessprivInFreeIpmiAndNothingInIpmiRunner() throws Exception {
        row(Set.of(Quirk.OPEN_SESSION_PRIVILEGE_KEYS), List.of(), "opensesspriv", c -> c);
    }

    @Test
    void aRakp2CodeOneByteTooLongNeedsSupermicro20InFreeIpmiAndNothingInIpmiRunner() throws Exception {
        row(Set.of(Quirk.LONG_RAKP2_CODE), List.of(), "supermicro20", c -> c);
    }

    @Test
    void v15RepliesWithSessionIdZeroNeedIdzeroInFreeIpmiAndNothingInIpmiRunner() throws Exception {
        row(Set.of(Quirk.ZERO_V15_SESSION_ID), List.of("-D", "LAN"), "idzero", c -> c.withVersion(IpmiVersion.V15));
    }

    @Test
    void signedRepliesWithPerMessageAuthDisabledNeedUnexpectedauthInFreeIpmiAndNothingInIpmiRunner()
            throws Exception {
        row(Set.of(Quirk.UNEXPECTED_V15_AUTH), List.of("-D", "LAN"), "unexpectedauth",
                c -> c.withVersion(IpmiVersion.V15));
    }

    /**
     * Sun ILOM's faults as ipmipower's sun20 covers them: an HMAC-SHA1 RAKP 2 code one byte long, and keys
     * hashed with Open Session's privilege (sun20 includes opensesspriv). Its third fault, bad cipher suite
     * records, concerns Get Channel Cipher Suites, which ipmipower does not send.
     */
    @Test
    void sunIlomsRakpFaultsNeedSun20InFreeIpmiAndNothingInIpmiRunner() throws Exception {
        row(Set.of(Quirk.LONG_RAKP2_CODE, Quirk.OPEN_SESSION_PRIVILEGE_KEYS), List.of("-I", "3"), "sun20",
                c -> c.withCipherSuite(3));
    }

    /**
     * Intel's early IPMI 2.0 RAKP (SE7520AF2): ipmipower without the flag asks for "highest" in Open Session and
     * hashes the short name and RAKP 3's lookup bit as the specification says; ipmi-runner tells the BMC from
     * its RAKP 2 ("admin" is shorter than 16 bytes; Intel20LoginTest has the 16-byte case, which needs telling).
     */
    @Test
    void intelsIpmi20RakpNeedsIntel20InFreeIpmiAndNothingInIpmiRunner() throws Exception {
        row(Set.of(Quirk.INTEL20_RAKP), List.of(), "intel20", c -> c);
    }

    @Test
    void unsignedRequestsDroppedDespitePerMessageAuthOffNeedForcepermsgInBothTools() throws Exception {
        toldRow(Set.of(Quirk.V15_PER_MESSAGE_AUTH_REQUIRED), "forcepermsg", Workaround.FORCEPERMSG);
    }

    @Test
    void blankV15ReplyAuthCodesNeedNoauthcodecheckInBothTools() throws Exception {
        toldRow(Set.of(Quirk.BLANK_V15_REPLY_AUTH_CODE), "noauthcodecheck", Workaround.NOAUTHCODECHECK);
    }

    /**
     * A row ipmi-runner handles only when told, since the fault cannot be told from an honest BMC or a forged
     * reply: FreeIPMI's witness as in {@link #row}, then ipmi-runner's v1.5 login fails without the host's
     * {@code ipmi_workarounds} entry and works with it.
     */
    private void toldRow(Set<Quirk> quirks, String flag, Workaround w) throws Exception {
        row(quirks, List.of("-D", "LAN"), flag, c -> c.withVersion(IpmiVersion.V15).withWorkarounds(Set.of(w)));
        try (InteropFleet fleet = new InteropFleet(1, dir, FaultProfile.NONE.withQuirks(quirks));
             IpmiClient c = IpmiClient.create(IpmiClient.Options.defaults())) {
            SessionConfig plain = SessionConfig.of("admin", Secret.of(InteropFleet.PASSWORD, "test"))
                    .withVersion(IpmiVersion.V15);
            BmcTarget target = new BmcTarget("quirky", fleet.host().address(0), plain).withTimeout(Duration.ofSeconds(3));
            assertThrows(IpmiException.class, () -> {
                try (BmcSession s = c.open(target)) {
                    s.send(Commands.GET_CHASSIS_STATUS, WireMessage.Empty.INSTANCE);
                }
            }, "without ipmi_workarounds: " + flag);
        }
    }

    /**
     * One row: on a BMC with {@code quirks}, {@code ipmipower --stat} (with {@code toolArgs}) fails without
     * {@code -W flag} and answers "on" with it; ipmi-runner's engine, logging in as {@code login} makes it,
     * reads the chassis status without being told (it throws if it cannot).
     */
    private void row(Set<Quirk> quirks, List<String> toolArgs, String flag, UnaryOperator<SessionConfig> login)
            throws Exception {
        Peers.require("ipmipower");
        try (InteropFleet fleet = new InteropFleet(1, dir, FaultProfile.NONE.withQuirks(quirks))) {
            List<String> args = new ArrayList<>(List.of("--stat", "--session-timeout", "3000"));
            args.addAll(toolArgs);
            InteropFleet.Result plain = fleet.freeipmi(0, "ipmipower", args.toArray(String[]::new));
            assertFalse(plain.out().contains(": on"), "FreeIPMI without the workaround: " + plain.out());
            args.addAll(List.of("-W", flag));
            InteropFleet.Result flagged = fleet.freeipmi(0, "ipmipower", args.toArray(String[]::new));
            assertTrue(flagged.ok() && flagged.out().contains(": on"), "with -W " + flag + ": " + flagged.out());
            SessionConfig config = login.apply(SessionConfig.of("admin", Secret.of(InteropFleet.PASSWORD, "test")));
            try (IpmiClient c = IpmiClient.create(IpmiClient.Options.defaults());
                 BmcSession s = c.open(new BmcTarget("quirky", fleet.host().address(0), config))) {
                s.send(Commands.GET_CHASSIS_STATUS, WireMessage.Empty.INSTANCE);
            }
        }
    }
}
