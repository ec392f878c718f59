package io.ipmirunner.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.crypto.Rakp;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.OpenSessionRequest;
import io.ipmirunner.ipmi.wire.OpenSessionResponse;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.RmcpPlusStatus;
import io.ipmirunner.ipmi.wire.V20Packet;
import io.ipmirunner.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * A BMC that answers Open Session with status 0 and algorithms other than the proposed ones, as pyghmi's Bmc
 * does (suite 3's whatever is proposed): taken when the login would have proposed them next, else a failure
 * that names what the BMC offered.
 */
class SuiteSubstitutionTest {
    private static final int BMC_SID = 0x1234ABCD;
    private final SecureRandom random = new SecureRandom();

    private RmcpPlusLogin login(SessionConfig c) {
        return new RmcpPlusLogin("bmc", c, random);
    }

    private static SessionConfig config() {
        return SessionConfig.of("admin", Secret.of("adminpass", "test"));
    }

    /** The BMC's status-0 answer to {@code open}, naming {@code answer}'s algorithms whatever was proposed. */
    private static LanPacket answer(byte[] open, int auth, int integrity, int confidentiality) throws Exception {
        var req = OpenSessionRequest.decode(((V20Packet) LanPacket.decode(open)).payload());
        var resp = new OpenSessionResponse(req.messageTag(), RmcpPlusStatus.OK, 4, req.remoteConsoleSessionId(),
                BMC_SID, auth, integrity, confidentiality);
        return LanPacket.decode(V20Packet.encode(PayloadType.OPEN_SESSION_RESPONSE, false, 0, 0, resp.encode(), null));
    }

    private static LanPacket answer(byte[] open, CipherSuite s) throws Exception {
        return answer(open, s.auth().code(), s.integrity().code(), s.confidentiality().code());
    }

    private static CipherSuite suite(int id) {
        return CipherSuite.byId(id).orElseThrow();
    }

    private static int proposedAuth(byte[] open) throws Exception {
        return OpenSessionRequest.decode(((V20Packet) LanPacket.decode(open)).payload()).authAlgorithm();
    }

    @Test
    void withoutAForcedSuiteSuite3InPlaceOf17IsTakenAndTheLoginGoesOnWithSha1() throws Exception {
        RmcpPlusLogin l = login(config());
        byte[] open = ((Step.Send) l.start()).datagram();
        assertEquals(suite(17).auth().code(), proposedAuth(open), "17 is proposed first");
        Step next = l.onPacket(answer(open, suite(3)));
        byte[] rakp1 = ((Step.Send) next).datagram();
        assertEquals(Awaiting.RAKP_2, l.awaiting());
        // The RAKP exchange now runs on suite 3's HMAC-SHA1: a RAKP 2 signed with it is accepted.
        var m1 = io.ipmirunner.ipmi.wire.Rakp.Message1.decode(((V20Packet) LanPacket.decode(rakp1)).payload());
        int consoleSid = OpenSessionRequest.decode(((V20Packet) LanPacket.decode(open)).payload())
                .remoteConsoleSessionId();
        byte[] rc = new byte[16];
        byte[] guid = new byte[16];
        byte[] code = Rakp.rakp2KeyExchangeAuthCode(suite(3).auth(), "adminpass".getBytes(StandardCharsets.UTF_8),
                consoleSid, BMC_SID, m1.remoteConsoleRandom(), rc, guid, m1.role(), m1.username());
        var m2 = new io.ipmirunner.ipmi.wire.Rakp.Message2(m1.messageTag(), RmcpPlusStatus.OK, consoleSid, rc, guid,
                code);
        Step s3 = l.onPacket(LanPacket.decode(V20Packet.encode(PayloadType.RAKP_2, false, 0, 0, m2.encode(), null)));
        assertInstanceOf(Step.Send.class, s3, "RAKP 3 follows a RAKP 2 checked with HMAC-SHA1");
        assertEquals(Awaiting.RAKP_4, l.awaiting());
    }

    @Test
    void aForcedSuiteIsNeverReplacedAndTheFailureSaysWhatTheBmcOffered() throws Exception {
        RmcpPlusLogin l = login(config().withCipherSuite(17));
        byte[] open = ((Step.Send) l.start()).datagram();
        Step s = l.onPacket(answer(open, suite(3)));
        var failed = assertInstanceOf(Step.Failed.class, s);
        var e = assertInstanceOf(IpmiException.ProtocolError.class, failed.failure());
        assertEquals(Phase.OPEN_SESSION, e.phase());
        assertEquals("bmc: protocol error in Open Session: the BMC answered the proposal of cipher suite 17 with"
                + " cipher suite 3 (RAKP-HMAC-SHA1, HMAC-SHA1-96, AES-CBC-128) instead; cipher suite 17 was asked"
                + " for (--cipher-suite or ipmi_cipher_suite)", e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aWeakerSubstituteThanTheFallbackIsRefusedNamingTheOptionThatWouldTakeIt() throws Exception {
        RmcpPlusLogin l = login(config());
        byte[] open = ((Step.Send) l.start()).datagram();
        var failed = assertInstanceOf(Step.Failed.class, l.onPacket(answer(open, suite(1))));
        String m = failed.failure().getMessage();
        assertTrue(m.contains("with cipher suite 1 (RAKP-HMAC-SHA1, NONE, NONE) instead, which ipmi-runner does not"
                + " take unasked; --cipher-suite 1 would accept it"), m);
    }

    @Test
    void noSubstituteForTheLastSuiteOfThePreference() throws Exception {
        RmcpPlusLogin l = login(config());
        byte[] open17 = ((Step.Send) l.start()).datagram();
        var refused = new OpenSessionResponse(OpenSessionRequest.decode(((V20Packet) LanPacket.decode(open17))
                .payload()).messageTag(), RmcpPlusStatus.of(0x11), 0, 0, 0, 0, 0, 0);
        byte[] open3 = ((Step.Send) l.onPacket(LanPacket.decode(V20Packet.encode(PayloadType.OPEN_SESSION_RESPONSE,
                false, 0, 0, refused.encode(), null)))).datagram();
        assertEquals(suite(3).auth().code(), proposedAuth(open3), "refused 17, proposes 3");
        var failed = assertInstanceOf(Step.Failed.class, l.onPacket(answer(open3, suite(17))));
        assertTrue(failed.failure().getMessage().contains("proposal of cipher suite 3 with cipher suite 17"),
                failed.failure().getMessage());
    }

    @Test
    void algorithmsOfNoKnownSuiteAreNamedByNumber() throws Exception {
        RmcpPlusLogin l = login(config());
        byte[] open = ((Step.Send) l.start()).datagram();
        // xRC4-128 (confidentiality 2) is not implemented.
        String m = assertInstanceOf(Step.Failed.class, l.onPacket(answer(open, 1, 1, 2))).failure().getMessage();
        assertTrue(m.contains("with algorithms authentication 1, integrity 1, confidentiality 2 (no cipher suite"
                + " ipmi-runner implements) instead"), m);
    }
}
