package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.crypto.SessionKeys;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.OpenSessionRequest;
import io.ipmirunner.ipmi.wire.OpenSessionResponse;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.Rakp;
import io.ipmirunner.ipmi.wire.RmcpPlusStatus;
import io.ipmirunner.ipmi.wire.V20Packet;
import java.security.SecureRandom;
import java.util.List;

/**
 * RMCP+ session establishment (IPMI v2.0 §13.15-§13.23): Open Session, RAKP 1-4, then Set Session Privilege
 * Level. The suite proposed is 17, then 3 ({@link SuiteChoice}): what asking Get Channel Cipher Suites first
 * would pick, without its round trips. Learnt from real BMCs (after pyghmi and FreeIPMI): a timed-out exchange
 * restarts from a fresh Open Session because BMCs reject a repeated RAKP 1/3; "insufficient resources" is
 * retried, not reported as an authentication failure; a refused role steps the privilege down unless asked for.
 */
public final class RmcpPlusLogin implements Login {
    static final long BUSY_DELAY_MILLIS = 500;

    private final String host;
    private final SessionConfig config;
    private final SecureRandom random;
    /** How RAKP is hashed: as the specification says, or as Intel's IPMI 2.0 firmware does (told or detected). */
    private RakpInputs inputs;

    private Awaiting awaiting;
    private final SuiteChoice suites;
    /** Handshakes the BMC said it no longer had (it restarted, or timed them out), each restarted once. */
    private int lostHandshakes;
    private Privilege privilege;
    private int tag;
    private int consoleSid;
    private int bmcSid;
    private byte[] rm;
    private byte[] guid;
    private int role;
    private SessionKeys keys;
    private byte[] last;
    /** The handshakes the last restarts left waiting: a late answer to any of them is taken. */
    private final AbandonedHandshakes earlier = new AbandonedHandshakes();
    private boolean answeredLate;
    /** The latest answer was a resource shortage (every slot taken): what a deadline then reports. */
    private RmcpPlusStatus shortage;

    RmcpPlusLogin(String host, SessionConfig config, SecureRandom random) {
        this.host = host;
        this.config = config;
        this.random = random;
        this.inputs = RakpInputs.of(config);
        this.privilege = config.privilege();
        this.suites = new SuiteChoice(config.cipherSuite());
    }

    @Override
    public Awaiting awaiting() {
        return awaiting;
    }

    @Override
    public Step start() {
        return openSession();
    }

    private Step send(byte[] datagram) {
        last = datagram;
        return new Step.Send(datagram);
    }

    private Step openSession() {
        awaiting = Awaiting.OPEN_SESSION_RESPONSE;
        tag = tag + 1 & 0xFF;
        // §13.17: any ID but 0. A loop: random.ints()'s stream was 6% of the engine's samples (JFR, issue 22).
        int sid;
        do {
            sid = random.nextInt();
        } while (sid == 0);
        consoleSid = sid;
        CipherSuite suite = suites.current();
        var req = new OpenSessionRequest(tag, privilege.code(), consoleSid, suite.auth().code(),
                suite.integrity().code(), suite.confidentiality().code());
        return send(V20Packet.encode(PayloadType.OPEN_SESSION_REQUEST, false, 0, 0, req.encode(), null));
    }

    @Override
    public boolean lastAnswerLate() {
        return answeredLate;
    }

    @Override
    public Step onPacket(LanPacket packet) {
        answeredLate = false;
        try {
            if (packet instanceof V20Packet p && earlier.answeredBy(p) instanceof RakpAttempt answered) {
                adopt(answered);
                return p.payloadType() == PayloadType.RAKP_2 ? onRakp2(p) : onRakp4(p);
            }
            return switch (awaiting) {
                case OPEN_SESSION_RESPONSE -> onOpenSession(packet);
                case RAKP_2 -> onRakp2(packet);
                case RAKP_4 -> onRakp4(packet);
                default -> new Step.Wait("unexpected while awaiting " + awaiting);
            };
        } catch (MalformedPacketException e) {
            return new Step.Wait("malformed: " + e.getMessage());
        }
    }

    private Step onOpenSession(LanPacket packet) throws MalformedPacketException {
        if (!(packet instanceof V20Packet p) || p.payloadType() != PayloadType.OPEN_SESSION_RESPONSE) {
            return new Step.Wait("not an Open Session response");
        }
        var resp = OpenSessionResponse.decode(p.payload());
        if (resp.messageTag() != tag || !mine(resp.status(), resp.remoteConsoleSessionId())) {
            return new Step.Wait("stale Open Session response");
        }
        if (resp.status().isResourceShortage()) {
            shortage = resp.status();
            return new Step.SendLater(last, BUSY_DELAY_MILLIS);
        }
        shortage = null;
        if (!resp.status().isOk()) {
            if (HandshakeStatus.refusesAlgorithms(resp.status()) && suites.nextAfterRefusal()) {
                return openSession();
            }
            return failStatus(Phase.OPEN_SESSION, resp.status(), " to cipher suite " + suites.current().id());
        }
        if (resp.managedSystemSessionId() == 0) {
            // IPMI v2.0 §13.17 Table 13-10, §13.6: id 0 marks messages outside a session; it cannot name one.
            return fail(new IpmiException.ProtocolError(host, Phase.OPEN_SESSION, Login.SESSION_ID_ZERO));
        }
        var refusal = suites.accept(OfferedAlgorithms.of(resp));
        if (refusal.isPresent()) {
            return fail(new IpmiException.ProtocolError(host, Phase.OPEN_SESSION, refusal.get()));
        }
        bmcSid = resp.managedSystemSessionId();
        awaiting = Awaiting.RAKP_2;
        rm = new byte[16];
        random.nextBytes(rm);
        role = privilege.code() | (config.nameOnlyLookup() ? Rakp.NAME_ONLY_LOOKUP : 0);
        var m1 = new Rakp.Message1(tag, bmcSid, rm, role, inputs.rakp1Name());
        return send(V20Packet.encode(PayloadType.RAKP_1, false, 0, 0, m1.encode(), null));
    }

    private Step onRakp2(LanPacket packet) throws MalformedPacketException {
        if (!(packet instanceof V20Packet p) || p.payloadType() != PayloadType.RAKP_2) {
            return new Step.Wait("not a RAKP 2");
        }
        var m2 = Rakp.Message2.decode(p.payload());
        if (m2.messageTag() != tag || !mine(m2.status(), m2.remoteConsoleSessionId())) {
            return new Step.Wait("stale RAKP 2");
        }
        RmcpPlusStatus st = m2.status();
        if (st.isResourceShortage()) {
            shortage = st;
            return delayedRestart();
        }
        if ((st.equals(RmcpPlusStatus.INVALID_ROLE) || st.equals(RmcpPlusStatus.UNAUTHORIZED_ROLE))
                && !config.privilegeExplicit() && privilege.code() > Privilege.USER.code()) {
            privilege = Privilege.fromCode(privilege.code() - 1).orElseThrow();
            return openSession();
        }
        if (HandshakeStatus.lost(st) && ++lostHandshakes <= HandshakeStatus.LOST_RESTARTS) {
            return openSession();
        }
        if (!st.isOk()) {
            return failStatus(Phase.RAKP_1, st, "");
        }
        var auth = suites.current().auth();
        RakpInputs proven = inputs.provenBy(auth, m2, consoleSid, bmcSid, rm, role);
        if (proven == null) {
            return fail(HandshakeStatus.wrongPassword(host, config.password().isEmpty()));
        }
        inputs = proven; // the same BMC hashes every later attempt the same way
        guid = m2.managedSystemGuid();
        byte[] kg = config.kg().isEmpty() ? null : config.kg().reveal();
        keys = inputs.keys(auth, kg, rm, m2.managedSystemRandom(), role);
        byte[] code = inputs.rakp3Code(auth, m2.managedSystemRandom(), consoleSid, role);
        // This attempt's own RAKP 2 came first: an earlier one's late answer is stale from now on.
        earlier.clear();
        awaiting = Awaiting.RAKP_4;
        var m3 = new Rakp.Message3(tag, RmcpPlusStatus.OK, bmcSid, code);
        return send(V20Packet.encode(PayloadType.RAKP_3, false, 0, 0, m3.encode(), null));
    }

    private Step onRakp4(LanPacket packet) throws MalformedPacketException {
        if (!(packet instanceof V20Packet p) || p.payloadType() != PayloadType.RAKP_4) {
            return new Step.Wait("not a RAKP 4");
        }
        var m4 = Rakp.Message4.decode(p.payload());
        if (m4.messageTag() != tag || !mine(m4.status(), m4.remoteConsoleSessionId())) {
            return new Step.Wait("stale RAKP 4");
        }
        if (m4.status().isResourceShortage()) {
            shortage = m4.status();
            return delayedRestart();
        }
        if (HandshakeStatus.lost(m4.status()) && ++lostHandshakes <= HandshakeStatus.LOST_RESTARTS) {
            return openSession();
        }
        if (!m4.status().isOk()) {
            return failStatus(Phase.RAKP_3, m4.status(), "");
        }
        if (!inputs.rakp4Checks(suites.current(), keys.sik(), rm, bmcSid, guid, m4.integrityCheckValue())) {
            return fail(new IpmiException.AuthenticationFailed(host, Phase.RAKP_3,
                    "RAKP 4 integrity check value does not match (wrong K_g?)"));
        }
        var session = new RmcpPlusSession(suites.current(), keys, kuid(), bmcSid, consoleSid, Privilege.USER, random);
        if (!privilege.atLeast(Privilege.OPERATOR)) {
            session.privilegeGranted(privilege);
            return new Step.Established(session);
        }
        return new Step.RaisePrivilege(session, privilege);
    }

    /** Continue the earlier handshake and give the current one up ({@link AbandonedHandshakes#release}). */
    private void adopt(RakpAttempt e) {
        earlier.giveUp(current());
        earlier.adopted(e);
        answeredLate = true;
        awaiting = e.awaiting();
        tag = e.tag();
        consoleSid = e.consoleSid();
        bmcSid = e.bmcSid();
        rm = e.rm();
        role = e.role();
        guid = e.guid();
        keys = e.keys();
    }

    private Step delayedRestart() {
        return new Step.SendLater(((Step.Send) openSession()).datagram(), BUSY_DELAY_MILLIS);
    }

    @Override
    public Step onTimeout() {
        return switch (awaiting) {
            case OPEN_SESSION_RESPONSE -> {
                suites.nextAfterSilence();
                yield openSession();
            }
            // A lost Open Session reply leaves a session on the BMC keyed by our console session id, and
            // ipmi_sim then ignores a resent request with that id: every retry is a fresh Open Session.
            case RAKP_2, RAKP_4 -> {
                earlier.remember(current());
                yield openSession();
            }
            default -> new Step.Send(last);
        };
    }

    @Override
    public Step onDeadline(long waitedMillis, int attempts, boolean heard) {
        var e = HandshakeStatus.outOfTime(host, awaiting.phase(), shortage, waitedMillis, attempts, heard);
        return fail(e);
    }

    @Override
    public void abandon() {
        earlier.giveUp(current());
        earlier.clear();
    }

    @Override
    public List<byte[]> releases() {
        return earlier.release(suites.current(), kuid(), random);
    }

    private byte[] kuid() {
        return inputs.kuid(suites.current().auth());
    }

    private RakpAttempt current() {
        return new RakpAttempt(awaiting, tag, consoleSid, bmcSid, rm, role, guid, keys);
    }


    /** Error replies may carry session id 0 (ipmi_sim does): then the message tag alone must match. */
    private boolean mine(RmcpPlusStatus status, int sid) {
        return sid == consoleSid || !status.isOk() && sid == 0;
    }

    private Step failStatus(Phase where, RmcpPlusStatus status, String context) {
        return fail(HandshakeStatus.failure(host, where, status, context));
    }

    /** The login ends: every handshake it leaves is given up. */
    private Step fail(IpmiException e) {
        abandon();
        return new Step.Failed(e, null);
    }
}
