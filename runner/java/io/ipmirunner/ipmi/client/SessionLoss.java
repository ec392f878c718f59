package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.session.PresenceProbe;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.LanPacket;

/**
 * Tells a BMC that forgot our session (it restarted, or expired the session) from one that is slow or down.
 * A BMC cannot authenticate a message for a session it does not have, and ipmi_sim (lanserv) drops one
 * without a word ("Normal session message failure: Invalid SID" in its log); so a restarted BMC looks dead
 * inside the session while it still answers outside one. From the second send of an unanswered command
 * on, each resend goes with a {@link PresenceProbe}. When the BMC has answered {@value #PROBES_ANSWERED}
 * probes, each sent with a different resend, and the command is still unanswered when its retransmission
 * timer runs out again, the session is gone: a read moves on to a fresh login. So does any command the BMC
 * answers outside the session (some BMCs refuse an unknown session so). One answered probe is not enough:
 * with 20% of datagrams lost each way, a command goes unanswered twice while its probe comes back for one
 * command in twelve, and 14 of 50 hosts were logged into again for nothing, each leaving a session open
 * on its BMC (ExecUnderLossTest); with two, one command in fifty loses its session falsely.
 *
 * <p>A write is never sent again, and a silent write is not given up early: a BMC may take seconds over a
 * Chassis Control while it answers a probe at once. It runs to its deadline, which then says the session
 * was lost. Nor is a read that already went out again after a fresh login given up early: a read slower
 * than two retransmission timeouts would otherwise fail where waiting would have answered it.
 * Pure; one per session machine.
 */
final class SessionLoss {
    /** Sends of a command left unanswered before the BMC's presence is asked: one loss is common, two rare. */
    static final int SENDS_BEFORE_PROBE = 2;
    /** Probes the BMC must answer while the command stays unanswered before the session counts as gone. */
    static final int PROBES_ANSWERED = 2;

    private int probeSeq;
    /** The command the probes were sent for: a probe answered after it is done proves nothing. */
    private Operation probed;
    /** Probes sent for {@link #probed} that the BMC answered: at most one per probe. */
    private int answered;
    /** The latest probe was answered already: its copies (a BMC may answer twice) count once. */
    private boolean latestAnswered;
    /** The BMC answered {@link #probed} itself, outside the session. */
    private boolean refused;

    /**
     * {@code op} was just sent again: from its second send on, a probe goes along (returned, to be sent;
     * null when none is due). Not with Close Session: a session being closed is given up after two sends
     * anyway, and whether the BMC still had it is moot.
     */
    byte[] probeAfter(Operation op) {
        if (op.attempts() < SENDS_BEFORE_PROBE || Commands.CLOSE_SESSION.matches(op.netFn, op.cmd)) {
            return null;
        }
        if (probed != op) {
            probed = op;
            answered = 0;
            refused = false;
        }
        latestAnswered = false;
        // rqSeq 0 is the login's own Get Channel Authentication Capabilities; the probes use 1 to 63.
        probeSeq = probeSeq % 63 + 1;
        return PresenceProbe.request(probeSeq);
    }

    /** A packet outside our session came while {@code inFlight} (may be null) waited for its answer. */
    void heardOutside(LanPacket packet, Operation inFlight) {
        if (inFlight == null || probed != inFlight) {
            return;
        }
        IpmiResponse r = PresenceProbe.sessionless(packet);
        if (r != null && !latestAnswered && PresenceProbe.answers(packet, probeSeq)) {
            latestAnswered = true;
            answered++;
        }
        refused |= r != null && inFlight.answeredBy(r);
    }

    /** Whether {@code op}, whose retransmission timer just ran out, should stop waiting in this session. */
    boolean sessionGone(Operation op) {
        boolean gone = probed == op
                && (refused || answered >= PROBES_ANSWERED && op.idempotent && !op.resentAfterLogin);
        if (gone) {
            // The command goes out again in a new session, if at all: these answers are spent.
            probed = null;
        }
        return gone;
    }

    /** The failure of {@code op} that ran out of time: a lost session when the BMC answered outside it. */
    IpmiException timeout(String host, Phase phase, Operation op, long now) {
        long waited = op.waitedMillis(now);
        if (probed == op && (answered > 0 || refused)) {
            return unsafeToResend(host, op, now);
        }
        return op.idempotent || op.attempts() == 0 ? new IpmiException.Timeout(host, phase, waited, op.attempts())
                : IpmiException.Timeout.writeUnanswered(host, op.name, waited, op.attempts(), op.duplicatePossible);
    }

    /**
     * The failure of a command the BMC may or may not have carried out before it forgot the session: not
     * sent again, since a state-changing command must never run twice behind the operator's back.
     */
    static IpmiException unsafeToResend(String host, Operation op, long now) {
        return IpmiException.Timeout.sessionLost(host, op.name, op.waitedMillis(now), op.attempts());
    }
}
