package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.command.app.SessionMessages;
import io.ipmirunner.ipmi.wire.IpmiResponse;

/**
 * The last login step of both protocols: sessions start at User level (IPMI v2.0 §22.18), so a session
 * that needs Operator or Administrator asks for it with Set Session Privilege Level inside the session. What
 * the answer means is decided here; the request is numbered, resent and matched to its replies by the
 * driver, as every request in the session is (one rqSeq per transmission, §13.8), after a
 * {@link Step.RaisePrivilege}.
 */
public final class SetPrivilege {
    private final String host;
    private final ActiveSession session;
    private final Privilege privilege;

    public SetPrivilege(String host, Step.RaisePrivilege raise) {
        this.host = host;
        this.session = raise.session();
        this.privilege = raise.privilege();
    }

    public ActiveSession session() {
        return session;
    }

    /** The request's data: the level asked for (§22.18 Table 22-22). */
    public byte[] requestData() {
        return new SessionMessages.PrivilegeLevel(privilege.code()).toBytes();
    }

    /** {@code r}: a reply the driver matched to one of this request's transmissions. */
    public Step onReply(IpmiResponse r) {
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
            return new Step.Failed(new IpmiException.CompletionCodeError(host, Phase.SET_PRIVILEGE,
                    Commands.SET_SESSION_PRIVILEGE.name(), r.completionCode()), session);
        }
        session.privilegeGranted(privilege);
        return new Step.Established(session);
    }

    /** The login's time ran out awaiting the answer: the open session is handed back to be closed. */
    public Step onDeadline(long waitedMillis, int attempts, boolean heard) {
        return new Step.Failed(HandshakeStatus.outOfTime(host, Phase.SET_PRIVILEGE, null, waitedMillis, attempts,
                heard), session);
    }
}
