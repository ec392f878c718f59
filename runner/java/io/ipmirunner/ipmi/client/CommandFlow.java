package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.app.SessionMessages;
import io.ipmirunner.ipmi.session.ActiveSession;
import io.ipmirunner.ipmi.session.Decoded;
import io.ipmirunner.ipmi.wire.CompletionCode;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.LanPacket;

/**
 * The command in flight in an active session, one at a time (most BMCs serve one outstanding request per
 * session): its transmissions ({@link Exchange}, {@link Transmissions}), busy re-asks, the presence probes
 * that tell a lost session ({@link SessionLoss}) and its deadline. Part of {@link SessionMachine}, which
 * decides what follows each {@link After}; pure.
 */
final class CommandFlow {
    /** What became of the command in flight, for the machine to act on. */
    enum After {
        /** Still in flight. */
        WAITING,
        /** Completed (answered, or arrived with its reply lost), or failed after busy answers only. */
        DONE,
        /** The BMC no longer has the session: the machine takes the command ({@link #takeInFlight}), logs in anew. */
        SESSION_GONE,
        /** Failed at its deadline with no answer: the BMC may have reset and forgotten the session. */
        TIMED_OUT
    }

    private final String host;
    private final Timing timing;
    private final BmcTimers timers;
    private final EngineStats stats;
    private final SessionLoss loss = new SessionLoss();
    private ActiveSession session;
    private Transmissions tx;
    private Operation inFlight;

    CommandFlow(String host, Timing timing, BmcTimers timers, EngineStats stats) {
        this.host = host;
        this.timing = timing;
        this.timers = timers;
        this.stats = stats;
    }

    /**
     * A session was established (or must be closed after a failed login); {@code numbering}: the login's, whose
     * Set Session Privilege Level the session's requests follow on from.
     */
    void attach(ActiveSession s, Transmissions numbering) {
        session = s;
        tx = numbering;
    }

    void detach() {
        session = null;
        inFlight = null;
    }

    ActiveSession session() {
        return session;
    }

    Operation inFlight() {
        return inFlight;
    }

    /** Sends {@code op} with {@code deadlineMillis} to get its answer. */
    void start(Operation op, long deadlineMillis, long now, Effects out) {
        inFlight = op;
        op.exchange = new Exchange(Phase.COMMAND, timers, now + deadlineMillis * 1_000_000);
        out.arm(SessionTimer.DEADLINE, op.exchange.millisLeft(now));
        transmit(op, now, out);
    }

    /**
     * Close Session (IPMI v2.0 §22.19). Two round-trip timeouts, one resend: that recovers a lost request. A
     * BMC that closed the session but whose reply was lost answers no resend (the session is gone), so
     * waiting longer only delays the end of every run in which the last host's close lost a datagram.
     */
    void startClose(long now, Effects out) {
        long rto = Math.min(timers.rtoMillis(Phase.COMMAND), Math.max(1, timing.closeTimeoutMillis() / 4));
        Operation op = closeSession(now, Math.min(timing.closeTimeoutMillis(), 2 * rto));
        op.exchange.capRto(rto);
        inFlight = op;
        out.arm(SessionTimer.DEADLINE, op.exchange.millisLeft(now));
        transmit(op, now, out);
    }

    /**
     * One Close Session, not awaited, for a session the BMC seems to have lost: if it had, the request is
     * dropped; if the evidence misled (loss can), the session's slot is freed, where otherwise it stays taken
     * until the BMC's own timeout (and BMCs have a handful).
     */
    byte[] abandonDatagram(long now) {
        return session.encode(tx.request(closeSession(now, 0), false));
    }

    /**
     * One transmission and no wait: a resetting BMC may answer before it goes down or not at all, and
     * forgets the session either way, so whatever comes next starts with a fresh login.
     */
    void sendAndForget(Operation op, long now, Effects out) {
        op.exchange = new Exchange(Phase.COMMAND, timers, now);
        out.send(session.encode(tx.request(op, false)));
        op.exchange.sentUnawaited(now);
        out.complete(op, null);
    }

    Decoded decode(LanPacket packet) {
        return session.decode(packet);
    }

    /** A packet outside the session: perhaps the answer to a presence probe. */
    void heardOutside(LanPacket packet) {
        loss.heardOutside(packet, inFlight);
    }

    After onResponse(Decoded.Accepted a, long now, Effects out) {
        Operation op = inFlight;
        IpmiResponse r = a.response();
        tx.answered(r, a.sessionSeq());
        if (op == null || !op.answeredBy(r)) {
            stats.dropped.increment();
            return op == null ? After.WAITING : follow(op, tx.onOtherReply(op), now, out);
        }
        op.exchange.answered(timers, now, op.measuredBy(r));
        if (r.completionCode().equals(CompletionCode.NODE_BUSY) && op.busyRetries < timing.busyRetries()) {
            // Busy is an answer, not a loss: back off and ask again within the same deadline.
            op.busyRetries++;
            op.lastAnswerBusy = true;
            tx.settle(); // busy: not executed, so the re-ask is a new request, not a copy
            stats.busy.increment();
            out.arm(SessionTimer.RETRANSMIT, op.busyDelayMillis());
            return After.WAITING;
        }
        return complete(op, r, out);
    }

    /** The retransmission timer ran out: a busy re-ask is due, or the command went unanswered. */
    After onRetransmit(long now, boolean mayRelogin, Effects out) {
        Operation op = inFlight;
        if (op == null) {
            return After.WAITING;
        }
        if (op.lastAnswerBusy) {
            transmit(op, now, out);
            return After.WAITING;
        }
        if (mayRelogin && loss.sessionGone(op)) {
            return After.SESSION_GONE;
        }
        long lookAgain = op.exchange.expired(timers, now);
        if (lookAgain > 0) {
            out.arm(SessionTimer.RETRANSMIT, lookAgain);
            return After.WAITING;
        }
        After after = follow(op, tx.onTimeout(op), now, out);
        byte[] probe = after == After.WAITING ? loss.probeAfter(op) : null;
        if (probe != null) {
            out.send(probe);
        }
        return after;
    }

    /** The command in flight ran out of time: it fails, as busy when the BMC only ever said so. */
    After onDeadline(long now, Effects out) {
        Operation op = takeInFlight(out);
        Phase phase = Commands.CLOSE_SESSION.matches(op.netFn, op.cmd) ? Phase.CLOSE : Phase.COMMAND;
        if (op.busyRetries > 0 && op.lastAnswerBusy) {
            // The BMC kept answering, only busy: say so instead of calling it a timeout.
            out.fail(op, new IpmiException.CompletionCodeError(host, phase, op.name, CompletionCode.NODE_BUSY));
            return After.DONE;
        }
        out.fail(op, loss.timeout(host, phase, op, now));
        return After.TIMED_OUT;
    }

    /** Stops the command in flight's timers and hands it over (to be failed, or sent again after a login). */
    Operation takeInFlight(Effects out) {
        Operation op = inFlight;
        inFlight = null;
        out.disarm(SessionTimer.RETRANSMIT);
        out.disarm(SessionTimer.DEADLINE);
        return op;
    }

    private After follow(Operation op, Transmissions.Next next, long now, Effects out) {
        switch (next) {
            case Transmissions.Next.Resend r -> transmit(op, now, out);
            case Transmissions.Next.Probe p -> {
                out.send(session.encode(tx.probe(op)));
                out.arm(SessionTimer.RETRANSMIT, op.exchange.rtoMillis());
            }
            case Transmissions.Next.Arrived a -> {
                return complete(op, null, out);
            }
            case Transmissions.Next.Wait w -> { }
        }
        return After.WAITING;
    }

    private void transmit(Operation op, long now, Effects out) {
        boolean resend = op.exchange.sends() > 0 && !op.lastAnswerBusy;
        if (resend) {
            stats.retransmits.increment();
        }
        op.lastAnswerBusy = false;
        out.send(session.encode(tx.request(op, resend)));
        out.arm(SessionTimer.RETRANSMIT, op.exchange.sent(now));
    }

    /** {@code r} null: a non-idempotent request arrived (the BMC's numbers say so) but its reply was lost. */
    private After complete(Operation op, IpmiResponse r, Effects out) {
        takeInFlight(out);
        tx.settle();
        out.complete(op, r);
        return After.DONE;
    }

    /** Close Session (IPMI v2.0 §22.19) for this session, to be answered within {@code waitMillis}. */
    private Operation closeSession(long now, long waitMillis) {
        var spec = Commands.CLOSE_SESSION;
        byte[] data = new SessionMessages.CloseRequest(session.bmcSessionId()).toBytes();
        Operation op = new Operation(spec.name(), spec.netFn(), spec.cmd(), data);
        op.exchange = new Exchange(Phase.COMMAND, timers, now + waitMillis * 1_000_000);
        return op;
    }
}
