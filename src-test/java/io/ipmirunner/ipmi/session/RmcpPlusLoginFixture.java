package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.crypto.Rakp;
import io.ipmirunner.ipmi.crypto.SessionKeys;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.OpenSessionRequest;
import io.ipmirunner.ipmi.wire.OpenSessionResponse;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.RmcpPlusStatus;
import io.ipmirunner.ipmi.wire.V20Packet;
import io.ipmirunner.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** Hand-made BMC replies (suite 3) for driving the RMCP+ login machine with no socket and no clock. */
abstract class RmcpPlusLoginFixture {
    static final byte[] PASSWORD = "adminpass".getBytes(StandardCharsets.UTF_8);
    static final byte[] GUID = new byte[16];
    static final int BMC_SID = 0x0BADCAFE;

    final SecureRandom random = new SecureRandom();

    RmcpPlusLogin login(String password, int suite) {
        SessionConfig c = SessionConfig.of("admin", Secret.of(password, "test")).withCipherSuite(suite);
        return new RmcpPlusLogin("bmc", c, random);
    }

    static V20Packet packet(byte[] datagram) throws Exception {
        return (V20Packet) LanPacket.decode(datagram);
    }

    static byte[] reply(int type, byte[] payload) {
        return V20Packet.encode(type, false, 0, 0, payload, null);
    }

    byte[] openSessionReply(byte[] request, RmcpPlusStatus status) throws Exception {
        var req = OpenSessionRequest.decode(packet(request).payload());
        var resp = new OpenSessionResponse(req.messageTag(), status, 4, req.remoteConsoleSessionId(), BMC_SID,
                req.authAlgorithm(), req.integrityAlgorithm(), req.confidentialityAlgorithm());
        return reply(PayloadType.OPEN_SESSION_RESPONSE, resp.encode());
    }

    byte[] rakp2Reply(byte[] rakp1, int consoleSid, byte[] bmcPassword, byte[] rc) throws Exception {
        var m1 = io.ipmirunner.ipmi.wire.Rakp.Message1.decode(packet(rakp1).payload());
        byte[] code = Rakp.rakp2KeyExchangeAuthCode(CipherSuite.byId(3).orElseThrow().auth(), bmcPassword, consoleSid,
                BMC_SID, m1.remoteConsoleRandom(), rc, GUID, m1.role(), m1.username());
        var m2 = new io.ipmirunner.ipmi.wire.Rakp.Message2(m1.messageTag(), RmcpPlusStatus.OK, consoleSid, rc, GUID,
                code);
        return reply(PayloadType.RAKP_2, m2.encode());
    }


    static int consoleSidOf(byte[] open) throws Exception {
        return OpenSessionRequest.decode(packet(open).payload()).remoteConsoleSessionId();
    }

    byte[] rakp4Reply(byte[] rakp1, int consoleSid, byte[] rc) throws Exception {
        var m1 = io.ipmirunner.ipmi.wire.Rakp.Message1.decode(packet(rakp1).payload());
        var auth = CipherSuite.byId(3).orElseThrow().auth();
        SessionKeys keys = SessionKeys.derive(auth, null, PASSWORD, m1.remoteConsoleRandom(), rc, m1.role(),
                m1.username());
        byte[] icv = Rakp.rakp4IntegrityCheckValue(auth, keys.sik(), m1.remoteConsoleRandom(), BMC_SID, GUID);
        var m4 = new io.ipmirunner.ipmi.wire.Rakp.Message4(m1.messageTag(), RmcpPlusStatus.OK, consoleSid, icv);
        return reply(PayloadType.RAKP_4, m4.encode());
    }

    /** The BMC accepts {@code open}; returns the RAKP 1 the login sends next. */
    byte[] acceptOpen(RmcpPlusLogin l, byte[] open) throws Exception {
        return ((Step.Send) l.onPacket(LanPacket.decode(openSessionReply(open, RmcpPlusStatus.OK)))).datagram();
    }

    byte[] randomRc() {
        byte[] rc = new byte[16];
        random.nextBytes(rc);
        return rc;
    }

}
