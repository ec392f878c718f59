package io.ipmirunner.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage.Empty;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.Rakp;
import io.ipmirunner.ipmi.wire.V20Packet;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcProfile;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.SimHarness;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Quirk;
import io.ipmirunner.sim.lan.LanEndpoint;
import io.ipmirunner.sim.model.Personality;
import io.ipmirunner.sim.model.UserTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Intel's early IPMI 2.0 RAKP (FreeIPMI's intel20, simulator quirk {@code intel20-rakp}): the login tells it
 * from RAKP 2 when the user name is shorter than 16 bytes, and takes it when the host names it; the session
 * it opens then carries commands, so the keys were derived as the BMC derived them.
 */
class Intel20LoginTest {
    private static final FaultProfile INTEL = FaultProfile.NONE.withQuirks(Set.of(Quirk.INTEL20_RAKP));
    private static final long T0 = SimHarness.T0;

    private static LanEndpoint bmc(String user, Secret password, List<Integer> suites) {
        var profile = new BmcProfile(Personality.DELL, UserTable.standard(user, password),
                BmcSettings.DEFAULTS.withCipherSuites(suites), INTEL);
        return SimHarness.endpoint(profile, T0);
    }

    /** Logs in and reads the device id in the session; fails the test unless both work. */
    private static void works(LanEndpoint bmc, SessionConfig config) {
        ActiveSession s = SimHarness.session(bmc, config, T0);
        var r = SimHarness.call(bmc, s, Commands.GET_DEVICE_ID, Empty.INSTANCE, T0).orElseThrow();
        assertTrue(r.completionCode().isOk(), r.toString());
    }

    @Test
    void unaskedTheLoginTellsIntelsHashingFromRakp2InEverySuiteItAffects() {
        for (int suite : List.of(3, 17, 1)) {
            // Suite 1 (HMAC-SHA1, no integrity): Intel's RAKP 4 carries no check value at all.
            works(bmc("admin", SimHarness.PASSWORD, List.of(suite)),
                    SimHarness.admin().withCipherSuite(suite));
        }
    }

    @Test
    void anHmacMd5PasswordIsCutTo16Bytes() {
        Secret twenty = Secret.of("twenty-byte-password", "test");
        works(bmc("admin", twenty, List.of(7)), SessionConfig.of("admin", twenty).withCipherSuite(7));
    }

    @Test
    void toldTheLoginSendsThePaddedNameAsFreeIpmiDoes() throws Exception {
        List<byte[]> sent = new ArrayList<>();
        SessionConfig told = SimHarness.admin().withWorkarounds(Set.of(Workaround.INTEL20));
        assertInstanceOf(Step.Established.class,
                SimHarness.login(bmc("admin", SimHarness.PASSWORD, List.of(3, 17)), told, T0, sent::add));
        for (byte[] d : sent) {
            if (LanPacket.decode(d) instanceof V20Packet p && p.payloadType() == PayloadType.RAKP_1) {
                assertEquals(16, Rakp.Message1.decode(p.payload()).username().length);
            }
        }
    }

    @Test
    void aSixteenByteNameCannotBeToldAndNeedsTheHostsIpmiWorkarounds() {
        String name = "sixteen-bytes-16";
        SessionConfig plain = SessionConfig.of(name, SimHarness.PASSWORD);
        Step s = SimHarness.login(bmc(name, SimHarness.PASSWORD, List.of(3, 17)), plain, T0);
        var failed = assertInstanceOf(Step.Failed.class, s, "RAKP 3 hashed with the lookup bit is refused");
        assertInstanceOf(IpmiException.AuthenticationFailed.class, failed.failure());
        works(bmc(name, SimHarness.PASSWORD, List.of(3, 17)), plain.withWorkarounds(Set.of(Workaround.INTEL20)));
    }

    @Test
    void aWrongPasswordIsStillRefused() {
        Step s = SimHarness.login(bmc("admin", SimHarness.PASSWORD, List.of(3, 17)),
                SessionConfig.of("admin", Secret.of("not-the-password", "test")), T0);
        var failed = assertInstanceOf(Step.Failed.class, s);
        assertTrue(failed.failure().getMessage().contains("wrong password"), failed.failure().getMessage());
    }
}
