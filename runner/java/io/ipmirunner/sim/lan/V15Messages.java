package io.ipmirunner.sim.lan;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.command.app.SessionMessages;
import io.ipmirunner.ipmi.crypto.Ipmi15AuthCode;
import io.ipmirunner.ipmi.crypto.Rakp;
import io.ipmirunner.ipmi.wire.CompletionCode;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.V15Packet;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Quirk;
import io.ipmirunner.sim.cmd.Answer;
import io.ipmirunner.sim.model.SimUser;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * IPMI v1.5 sessions on the BMC side (IPMI v2.0 §6.12, §22.16-§22.17): Get Session Challenge, Activate
 * Session, and per-message authentication of every packet in a session. The temporary session id carries
 * the user id in its low byte, and the challenge is a MAC over it, so nothing is stored before Activate.
 * A challenge is good for one activation within {@link #CHALLENGE_SLOT_MILLIS} to twice that, so a
 * captured Activate Session cannot be replayed. Until Activate Session authenticates, nothing is
 * answered: there is no key to sign an error with.
 */
final class V15Messages {
    private static final int NO_SESSION_SLOT = 0x81;
    private static final int INVALID_USER = 0x81;
    private static final int NULL_USER = 0x82;
    private static final int INVALID_SEQUENCE = 0x85;
    private static final int PRIVILEGE_TOO_HIGH = 0x86;
    static final long CHALLENGE_SLOT_MILLIS = 30_000;

    private V15Messages() {}

    static Answer challenge(LanEndpoint e, byte[] data, long now) throws MalformedPacketException {
        var q = Commands.GET_SESSION_CHALLENGE.decodeRequest(data);
        if (!e.profile().allowsV15(q.authType())) {
            return Answer.INVALID_FIELD;
        }
        Optional<SimUser> user = e.bmc().users().byName(q.username());
        if (user.isEmpty()) {
            return Answer.code(q.username().length == 0 ? NULL_USER : INVALID_USER);
        }
        int temporaryId = e.services().nonZeroInt() & 0xFFFFFF00 | user.get().id();
        byte[] c = challenge(e, temporaryId, q.authType(), now / CHALLENGE_SLOT_MILLIS);
        return Answer.ok(new SessionMessages.ChallengeResponse(temporaryId, c));
    }

    /** Activate Session (§22.17), sent in a packet authenticated with the temporary session id. */
    static byte[] activate(LanEndpoint e, V15Packet p, long now) throws MalformedPacketException {
        IpmiRequest req = IpmiRequest.decode(p.message());
        var spec = Commands.ACTIVATE_SESSION;
        if (!spec.matches(req.netFn(), req.cmd())) {
            return null;
        }
        var q = spec.decodeRequest(req.data());
        int temporaryId = p.sessionId();
        Optional<SimUser> found = e.bmc().users().byId(temporaryId & 0xFF).filter(SimUser::canLogIn);
        if (found.isEmpty() || p.authType() != q.authType() || !e.profile().allowsV15(q.authType())) {
            return null;
        }
        SimUser user = found.get();
        long slot = now / CHALLENGE_SLOT_MILLIS;
        boolean issued = Rakp.constantTimeEquals(challenge(e, temporaryId, q.authType(), slot), q.challenge())
                || Rakp.constantTimeEquals(challenge(e, temporaryId, q.authType(), slot - 1), q.challenge());
        byte[] password = user.password().reveal();
        SessionTable table = e.sessions(now);
        if (!issued || !authentic(p, password, temporaryId) || !table.firstUseOf(temporaryId)) {
            return null;
        }
        int outbound = q.initialOutboundSeq();
        Answer a;
        V15Session s = null;
        Optional<Privilege> priv = Privilege.fromCode(q.maxPrivilege())
                .filter(l -> l.code() <= Privilege.ADMINISTRATOR.code() && user.limit().atLeast(l));
        int handle;
        if (outbound == 0) {
            a = Answer.code(INVALID_SEQUENCE);
        } else if (priv.isEmpty()) {
            a = Answer.code(PRIVILEGE_TOO_HIGH);
        } else if ((handle = e.freeHandle(now)) == 0) {
            a = Answer.code(NO_SESSION_SLOT);
        } else {
            // Per-message authentication disabled: the session goes on with auth type none (§22.17); the
            // forcepermsg quirk says so but keeps wanting signed requests.
            boolean unsigned = e.profile().faults().has(Quirk.UNEXPECTED_V15_AUTH);
            boolean claimsUnsigned = unsigned || e.profile().faults().has(Quirk.V15_PER_MESSAGE_AUTH_REQUIRED);
            s = new V15Session(handle, table.newId(e.services()), unsigned ? V15Packet.AUTH_NONE : q.authType(),
                    q.authType(), user, priv.get(), outbound, now);
            table.put(s);
            a = Answer.ok(new SessionMessages.ActivateResponse(claimsUnsigned ? V15Packet.AUTH_NONE : q.authType(),
                    s.id, e.services().nonZeroInt(), priv.get().code()));
        }
        IpmiResponse r = req.respond(CompletionCode.of(a.completionCode()), a.data());
        // The answer still travels under the temporary id, signed with the sequence number the console chose.
        int seq = s != null ? s.nextOutboundSeq() : outbound;
        if (s != null && e.bmc().profile().faults().has(Quirk.SWAPPED_V15_SEQUENCE)) {
            seq = Integer.reverseBytes(seq);
        }
        return wrap(q.authType(), password, temporaryId, seq, r);
    }

    private static byte[] challenge(LanEndpoint e, int temporaryId, int authType, long slot) {
        return e.services().challenge(e.bmc().index(), e.bmc().resets(), temporaryId, authType, slot);
    }

    /** The request in a packet of an active v1.5 session, or null when its auth code or sequence is wrong. */
    static IpmiRequest unwrap(V15Session s, V15Packet p) throws MalformedPacketException {
        if (p.authType() != s.authType || !authentic(p, s.password, s.id) || !s.window.accept(p.sessionSeq())) {
            return null;
        }
        return IpmiRequest.decode(p.message());
    }

    /**
     * A reply in an active v1.5 session, as the BMC's quirks write it: {@code swapped-v15-sequence} writes the
     * sequence number in the other byte order, {@code zero-v15-session-id} writes session id 0, and the
     * session's reply auth type signs it (with a blank code for {@code blank-v15-reply-auth-code}).
     */
    static byte[] wrap(V15Session s, IpmiResponse r, FaultProfile faults) {
        int seq = s.nextOutboundSeq();
        int id = faults.has(Quirk.ZERO_V15_SESSION_ID) ? 0 : s.id;
        int written = faults.has(Quirk.SWAPPED_V15_SEQUENCE) ? Integer.reverseBytes(seq) : seq;
        byte[] msg = r.encode();
        byte[] code = Ipmi15AuthCode.compute(s.replyAuthType, s.password, id, msg, written);
        if (faults.has(Quirk.BLANK_V15_REPLY_AUTH_CODE)) {
            code = new byte[code.length];
        }
        return new V15Packet(s.replyAuthType, written, id, code, msg).encode();
    }

    private static byte[] wrap(int authType, byte[] password, int sessionId, int seq, IpmiResponse r) {
        byte[] msg = r.encode();
        byte[] code = Ipmi15AuthCode.compute(authType, password, sessionId, msg, seq);
        return new V15Packet(authType, seq, sessionId, code, msg).encode();
    }

    private static boolean authentic(V15Packet p, byte[] password, int sessionId) {
        byte[] expected = Ipmi15AuthCode.compute(p.authType(), password, sessionId, p.message(), p.sessionSeq());
        return MessageDigest.isEqual(expected, p.authCode());
    }
}
