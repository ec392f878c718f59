package io.ipmirunner.sim.lan;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.crypto.AuthAlgorithm;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.crypto.Rakp;
import io.ipmirunner.ipmi.crypto.SessionKeys;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.OpenSessionRequest;
import io.ipmirunner.ipmi.wire.OpenSessionResponse;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.Rakp.Message1;
import io.ipmirunner.ipmi.wire.Rakp.Message2;
import io.ipmirunner.ipmi.wire.Rakp.Message3;
import io.ipmirunner.ipmi.wire.Rakp.Message4;
import io.ipmirunner.ipmi.wire.RmcpPlusStatus;
import io.ipmirunner.ipmi.wire.V20Packet;
import io.ipmirunner.sim.BmcProfile;
import io.ipmirunner.sim.fault.Quirk;
import io.ipmirunner.sim.model.SimUser;
import java.util.Arrays;
import java.util.Optional;

/**
 * The BMC side of RMCP+ session establishment (IPMI v2.0 §13.17-§13.23): Open Session Response, RAKP 2
 * and RAKP 4, the mirror of the client's login. Errors are answered with a status (§13.24) where the spec
 * has one; anything that does not parse, or names no session of ours, gets nothing.
 */
final class RmcpPlusHandshake {
    private static final int ILLEGAL_PARAMETER = 0x12;
    private static final int RANDOM_LENGTH = io.ipmirunner.ipmi.wire.Rakp.RANDOM_LENGTH;

    private RmcpPlusHandshake() {}

    /** Open Session Request (§13.17): pick the proposed suite if offered, reserve a slot, hand out our id. */
    static byte[] openSession(LanEndpoint e, V20Packet p, long now) throws MalformedPacketException {
        if (p.sessionId() != 0) {
            return null;
        }
        OpenSessionRequest q = OpenSessionRequest.decode(p.payload());
        int tag = q.messageTag();
        int consoleId = q.remoteConsoleSessionId();
        if (consoleId == 0) {
            return openError(tag, RmcpPlusStatus.INVALID_SESSION_ID, 0);
        }
        if (q.requestedMaxPrivilege() > Privilege.ADMINISTRATOR.code()) {
            return openError(tag, RmcpPlusStatus.of(ILLEGAL_PARAMETER), consoleId);
        }
        Optional<CipherSuite> suite = offered(e.profile(), q);
        if (suite.isEmpty()) {
            return openError(tag, RmcpPlusStatus.NO_CIPHER_SUITE_MATCH, consoleId);
        }
        int handle = e.freeHandle(now);
        if (handle == 0) {
            return openError(tag, RmcpPlusStatus.INSUFFICIENT_RESOURCES, consoleId);
        }
        // 0 asks for "the highest level the algorithms allow" (§13.17): administrator here.
        Privilege max = Privilege.fromCode(q.requestedMaxPrivilege()).orElse(Privilege.ADMINISTRATOR);
        SessionTable table = e.sessions(now);
        PlusSession s = new PlusSession(handle, table.newId(e.services()), consoleId, suite.get(),
                q.requestedMaxPrivilege(), max, now);
        s.tag = tag;
        table.put(s);
        CipherSuite c = suite.get();
        // Intel's firmware knows no "highest": it answers with the level asked for, 0 too.
        int granted = e.profile().faults().has(Quirk.INTEL20_RAKP) ? q.requestedMaxPrivilege() : max.code();
        var r = new OpenSessionResponse(tag, RmcpPlusStatus.OK, granted, consoleId, s.id,
                c.auth().code(), c.integrity().code(), c.confidentiality().code());
        return handshake(PayloadType.OPEN_SESSION_RESPONSE, r.encode());
    }

    private static Optional<CipherSuite> offered(BmcProfile profile, OpenSessionRequest q) {
        for (int id : profile.cipherSuites()) {
            CipherSuite s = CipherSuite.byId(id).orElseThrow();
            if (s.auth().code() == q.authAlgorithm() && s.integrity().code() == q.integrityAlgorithm()
                    && s.confidentiality().code() == q.confidentialityAlgorithm()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static byte[] openError(int tag, RmcpPlusStatus status, int consoleId) {
        var r = new OpenSessionResponse(tag, status, 0, consoleId, 0, 0, 0, 0);
        return handshake(PayloadType.OPEN_SESSION_RESPONSE, r.encode());
    }

    /** RAKP 1 (§13.20): find the user, check the role, answer with Rc, our GUID and the key exchange code. */
    static byte[] rakp1(LanEndpoint e, V20Packet p, long now) throws MalformedPacketException {
        if (p.sessionId() != 0) {
            return null;
        }
        var m = Message1.decode(p.payload());
        if (!(e.sessions(now).byId(m.managedSystemSessionId()) instanceof PlusSession s) || s.active()) {
            return null;
        }
        int level = m.role() & 0x0F;
        boolean intel = e.profile().faults().has(Quirk.INTEL20_RAKP);
        byte[] name = intel ? unpadded(m.username()) : m.username();
        Optional<SimUser> user = e.bmc().users().byName(name);
        RmcpPlusStatus status = RmcpPlusStatus.OK;
        if (level < Privilege.CALLBACK.code() || level > Privilege.ADMINISTRATOR.code()) {
            status = RmcpPlusStatus.INVALID_ROLE;
        } else if (user.isEmpty()) {
            status = RmcpPlusStatus.UNAUTHORIZED_NAME;
        } else if (level > user.get().limit().code() || level > s.requestedMax.code()) {
            status = RmcpPlusStatus.UNAUTHORIZED_ROLE;
        }
        if (!status.isOk()) {
            e.sessions(now).remove(s);
            var err = new Message2(m.messageTag(), status, s.consoleId, new byte[0],
                    new byte[0], new byte[0]);
            return handshake(PayloadType.RAKP_2, err.encode());
        }
        s.tag = m.messageTag();
        s.rm = m.remoteConsoleRandom();
        s.rc = e.services().randomBytes(RANDOM_LENGTH);
        s.role = m.role();
        s.username = intel && name.length < 16 ? Arrays.copyOf(name, 16) : m.username();
        s.candidate = user.get();
        s.state = PlusSession.State.RAKP2_SENT;
        s.lastActive = now;
        byte[] kuid = kuid(e, s);
        byte[] guid = e.bmc().identity().guid();
        byte[] code = Rakp.rakp2KeyExchangeAuthCode(s.suite.auth(), kuid, s.consoleId, s.id, s.rm, s.rc, guid,
                hashedRole(e, s), s.username);
        if (e.bmc().profile().faults().has(Quirk.LONG_RAKP2_CODE)) {
            code = Arrays.copyOf(code, code.length + 1);
        }
        var m2 = new Message2(s.tag, RmcpPlusStatus.OK, s.consoleId, s.rc, guid, code);
        return handshake(PayloadType.RAKP_2, m2.encode());
    }

    /** RAKP 3 (§13.22): check the console knows the password, derive the keys, prove we do (RAKP 4). */
    static byte[] rakp3(LanEndpoint e, V20Packet p, long now) throws MalformedPacketException {
        if (p.sessionId() != 0) {
            return null;
        }
        var m = Message3.decode(p.payload());
        if (!(e.sessions(now).byId(m.managedSystemSessionId()) instanceof PlusSession s)
                || s.state != PlusSession.State.RAKP2_SENT) {
            return null;
        }
        if (!m.status().isOk()) {
            e.sessions(now).remove(s); // the console gave up on the handshake
            return null;
        }
        byte[] kuid = kuid(e, s);
        boolean intel = e.profile().faults().has(Quirk.INTEL20_RAKP);
        int rakp3Role = intel ? hashedRole(e, s) & ~io.ipmirunner.ipmi.wire.Rakp.NAME_ONLY_LOOKUP : hashedRole(e, s);
        byte[] expected = Rakp.rakp3KeyExchangeAuthCode(s.suite.auth(), kuid, s.rc, s.consoleId, rakp3Role,
                intel ? unpadded(s.username) : s.username);
        if (!Rakp.constantTimeEquals(expected, m.keyExchangeAuthCode())) {
            e.sessions(now).remove(s);
            var err = new Message4(m.messageTag(),
                    RmcpPlusStatus.INVALID_INTEGRITY_CHECK_VALUE, s.consoleId, new byte[0]);
            return handshake(PayloadType.RAKP_4, err.encode());
        }
        SessionKeys keys = SessionKeys.derive(s.suite.auth(), null, kuid, s.rm, s.rc, hashedRole(e, s), s.username);
        byte[] icv = Rakp.rakp4IntegrityCheckValue(intel ? Rakp.intel20Rakp4Algorithm(s.suite) : s.suite.auth(),
                keys.sik(), s.rm, s.id, e.bmc().identity().guid());
        if (icv.length == 0 && e.bmc().profile().faults().has(Quirk.SUITE0_RAKP4_ICV)) {
            icv = new byte[12]; // what the listed boards send: a SHA1-96 sized field
            Arrays.fill(icv, (byte) 0xA5);
        }
        s.established(keys, now);
        var m4 = new Message4(m.messageTag(), RmcpPlusStatus.OK, s.consoleId, icv);
        return handshake(PayloadType.RAKP_4, m4.encode());
    }

    /**
     * The role byte the key exchange codes and SIK are hashed with: RAKP 1's, or with quirk
     * {@code open-session-privilege-keys} its lookup bits and the Open Session Request's privilege.
     */
    private static int hashedRole(LanEndpoint e, PlusSession s) {
        if (e.bmc().profile().faults().has(Quirk.OPEN_SESSION_PRIVILEGE_KEYS)) {
            return (s.role & 0xF0) | (s.requestedPrivilegeByte & 0x0F);
        }
        return s.role;
    }

    /** The user's password as the RAKP hashes key with it: Intel's HMAC-MD5 takes 16 bytes of it. */
    private static byte[] kuid(LanEndpoint e, PlusSession s) {
        byte[] pw = s.candidate.password().reveal();
        return e.profile().faults().has(Quirk.INTEL20_RAKP) && s.suite.auth() == AuthAlgorithm.RAKP_HMAC_MD5
                && pw.length > 16 ? Arrays.copyOf(pw, 16) : pw;
    }

    /** A user name as Intel's firmware looks it up: up to its first NUL (FreeIPMI sends it padded to 16 bytes). */
    private static byte[] unpadded(byte[] name) {
        int n = 0;
        while (n < name.length && name[n] != 0) {
            n++;
        }
        return Arrays.copyOf(name, n);
    }

    /** Handshake payloads travel unauthenticated with session id and sequence 0 (§13.6). */
    private static byte[] handshake(int payloadType, byte[] payload) {
        return V20Packet.encode(payloadType, false, 0, 0, payload, null);
    }
}
