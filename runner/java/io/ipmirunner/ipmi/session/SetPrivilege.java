package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.command.app.SessionMessages;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.LanPacket;

/**
 * The last login step of both protocols: sessions start at User level (IPMI v2.0 §22.18), so a session
 * that needs Operator or Administrator asks for it with Set Session Privilege Level inside the session.
 * Every send takes a new rqSeq (6 bits, §13.8), and a reply to any of them is the answer.
 */
final class SetPrivilege {
    private final String host;
    private final ActiveSession session;
    private final Privilege privilege;
    private int rqSeq;
    /** Bit n set when a request went out with rqSeq n. */
    private long seqsUsed;

    /** {@code lastSeq}: the login's latest rqSeq, which the requests here follow on from. */
    SetPrivilege(String host, ActiveSession session, Privilege privilege, int lastSeq) {
        this.host = host;
        this.session = session;
        this.privilege = privilege;
        this.rqSeq = lastSeq;
    }

    ActiveSession session() {
        return session;
    }

    byte[] request() {
        rqSeq = rqSeq + 1 & 0x3F;
        seqsUsed |= 1L << rqSeq;
        var spec = Commands.SET_SESSION_PRIVILEGE;
        byte[] data = new SessionMessages.PrivilegeLevel(privilege.code()).toBytes();
        return session.encode(IpmiRequest.toBmc(spec.netFn(), spec.cmd(), rqSeq, data));
    }

    Step onReply(LanPacket packet) {
        if (!(session.decode(packet) instanceof Decoded.Accepted accepted)) {
            return new Step.Wait("not a session reply");
        }
        IpmiResponse r = accepted.response();
        var spec = Commands.SET_SESSION_PRIVILEGE;
        if (r.netFn() != (spec.netFn() | 1) || r.cmd() != spec.cmd() || (seqsUsed & 1L << r.rqSeq()) == 0) {
            return new Step.Wait("stale reply");
        }
        if (r.completionCode().isTransient()) {
            // Busy is not a refusal: the retransmission timer asks again.
            return new Step.Wait("BMC busy");
        }
        int cc = r.completionCode().code();
        if (cc == 0x80 || cc == 0x81) {
            // 0x80: level not available for this user; 0x81: above the channel or user limit (§22.18).
            return new Step.Failed(new IpmiException.AuthenticationFailed(host, Phase.SET_PRIVILEGE,
                    "privilege " + privilege.label() + " is not allowed for this user (" + r.completionCode() + ")"),
                    session);
        }
        if (!r.completionCode().isOk()) {
            return new Step.Failed(new IpmiException.CompletionCodeError(host, Phase.SET_PRIVILEGE, spec.name(),
                    r.completionCode()), session);
        }
        session.privilegeGranted(privilege);
        return new Step.Established(session);
    }
}
