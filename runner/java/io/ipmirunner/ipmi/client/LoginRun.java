package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.session.ActiveSession;
import io.ipmirunner.ipmi.session.Awaiting;
import io.ipmirunner.ipmi.session.Decoded;
import io.ipmirunner.ipmi.session.Login;
import io.ipmirunner.ipmi.session.SetPrivilege;
import io.ipmirunner.ipmi.session.Step;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.LanPacket;

/**
 * One login as {@link SessionMachine} runs it: the pure {@link Login} machine decides what to send, this
 * gives each request an {@link Exchange} (timeouts, back-off, samples) and the whole login one deadline,
 * and turns both into effects. Every step, restart and busy wait shares that deadline: an operator's
 * {@code --timeout 5} means five seconds to a session, not five per step (three steps and a restart made it
 * 15 s, reported as the last step's 945 ms). The retransmission and deadline timers are the session's.
 *
 * <p>The login's state is one machine at a time: the discovery hands over to the RMCP+ or v1.5 login
 * ({@link Step.Handover}), which hands the open session over for Set Session Privilege Level
 * ({@link Step.RaisePrivilege}). That request is a request in the session: it is numbered by the session's
 * {@link Transmissions} (which its commands go on with) and matched to its replies by its Exchange's rqSeqs.
 */
final class LoginRun {
    private final String host;
    private final Timing timing;
    private final BmcTimers timers;
    private final EngineStats stats;
    private final long startedAt;
    private final long deadlineNanos;
    /** The machine the login is in now; it awaits {@code login.awaiting()} unless Set Session Privilege is out. */
    private Login login;
    /** After {@link Step.RaisePrivilege}: what the answer means, and the request in flight; else null. */
    private SetPrivilege raise;
    private Operation setPrivilege;
    /** The rqSeqs of the requests in the new session, from Set Session Privilege Level on. */
    private final Transmissions numbering = new Transmissions();
    /** Whether the BMC ever sent a reply the login could use: a timeout then is no "unreachable". */
    private boolean heard;
    /** The request awaiting an answer, and the state it was sent in. */
    private Exchange exchange;
    private Awaiting sentIn;
    /** The request was answered: what goes out next is a new request, not a retransmission. */
    private boolean answered = true;
    /** Every datagram the login sent, in all its steps: what a timeout reports. */
    private int attempts;
    /** A datagram to send when the retransmission timer runs out (the BMC asked to wait), or null. */
    private byte[] later;

    LoginRun(String host, Login login, Timing timing, BmcTimers timers, EngineStats stats, boolean heardBefore,
             long now) {
        this.host = host;
        this.login = login;
        this.timing = timing;
        this.timers = timers;
        this.stats = stats;
        this.heard = heardBefore;
        this.startedAt = now;
        this.deadlineNanos = now + timing.timeoutMillis() * 1_000_000;
    }

    /** Starts the login; returns its end ({@link Step.Established} or {@link Step.Failed}) or null while it runs. */
    Step start(long now, Effects out) {
        out.arm(SessionTimer.DEADLINE, (deadlineNanos - now) / 1_000_000);
        return step(login.start(), now, out);
    }

    /** The numbering the session's commands go on with after the login. */
    Transmissions numbering() {
        return numbering;
    }

    private Awaiting awaiting() {
        return raise != null ? Awaiting.PRIVILEGE : login.awaiting();
    }

    Step onPacket(LanPacket packet, long now, Effects out) {
        if (raise != null) {
            return onPrivilegeReply(packet, now, out);
        }
        Step s = login.onPacket(packet);
        if (!(s instanceof Step.Wait)) {
            // Only a reply the login could use says a BMC is there: datagrams that never parse (a bad
            // checksum, another service on the port) leave a BMC that never answered, so unreachable.
            heard = true;
        }
        if (exchange != null && !(s instanceof Step.Wait || s instanceof Step.Failed)) {
            if (!login.lastAnswerLate()) {
                // An answer to an earlier attempt says nothing of how long the current request takes.
                exchange.answered(timers, now, false);
            }
            // Answered: what goes out next is a new request (the next step, or the same step again after a
            // refusal such as 0xCC to the v2.0 bit), not a retransmission.
            answered = true;
        }
        return step(s, now, out);
    }

    private Step onPrivilegeReply(LanPacket packet, long now, Effects out) {
        if (!(raise.session().decode(packet) instanceof Decoded.Accepted a)) {
            stats.dropped.increment();
            return null;
        }
        IpmiResponse r = a.response();
        numbering.answered(r, a.sessionSeq());
        if (!setPrivilege.answeredBy(r)) {
            stats.dropped.increment();
            return null;
        }
        heard = true;
        exchange.answered(timers, now, setPrivilege.measuredBy(r));
        numbering.settle();
        return step(raise.onReply(r), now, out);
    }

    /** The retransmission timer ran out: a delayed send is due, or the request in flight counts as lost. */
    Step onRetransmit(long now, Effects out) {
        if (later != null) {
            byte[] d = later;
            later = null;
            transmit(d, now, out);
            return null;
        }
        long lookAgain = exchange.expired(timers, now);
        if (lookAgain > 0) {
            out.arm(SessionTimer.RETRANSMIT, lookAgain);
            return null;
        }
        if (raise != null) {
            // Idempotent: each copy goes out with a fresh rqSeq, and an answer to any of them is the answer.
            sendPrivilege(now, out);
            return null;
        }
        return step(login.onTimeout(), now, out);
    }

    Step onDeadline(long now, Effects out) {
        out.disarm(SessionTimer.RETRANSMIT);
        later = null;
        long waited = (now - startedAt) / 1_000_000;
        return step(raise != null ? raise.onDeadline(waited, attempts, heard)
                : login.onDeadline(waited, attempts, heard), now, out);
    }

    /**
     * The login is given up (the run was aborted): its timers stop, handshakes it holds open are released as
     * after a failure, and a session already open (Set Session Privilege Level was out) is returned, to close.
     */
    ActiveSession abort(Effects out) {
        stop(out);
        if (raise != null) {
            return raise.session();
        }
        login.abandon();
        login.releases().forEach(out::send);
        return null;
    }

    private Step step(Step s, long now, Effects out) {
        login.releases().forEach(out::send);
        switch (s) {
            case Step.Send send -> transmit(send.datagram(), now, out);
            case Step.SendLater l -> {
                later = l.datagram();
                out.arm(SessionTimer.RETRANSMIT, l.delayMillis());
            }
            case Step.Wait w -> stats.dropped.increment();
            case Step.Handover h -> {
                login = h.next();
                return step(login.start(), now, out);
            }
            case Step.RaisePrivilege r -> {
                raise = new SetPrivilege(host, r);
                var spec = Commands.SET_SESSION_PRIVILEGE;
                setPrivilege = new Operation(spec.name(), spec.netFn(), spec.cmd(), raise.requestData());
                sendPrivilege(now, out);
            }
            case Step.Established e -> {
                stop(out);
                stats.loginNanos.add(now - startedAt);
                stats.sessionsOpened.increment();
                return e;
            }
            case Step.Failed f -> {
                stop(out);
                return f;
            }
        }
        return null;
    }

    /** The login is over (or given up): its timers stop. */
    private void stop(Effects out) {
        out.disarm(SessionTimer.RETRANSMIT);
        out.disarm(SessionTimer.DEADLINE);
    }

    private void sendPrivilege(long now, Effects out) {
        boolean resend = setPrivilege.exchange != null;
        setPrivilege.exchange = exchangeFor();
        transmit(raise.session().encode(numbering.request(setPrivilege, resend)), now, out);
    }

    /**
     * The Exchange of the request about to go out: a new one for a new request (another state, or the same
     * state's request after an answer), else the one it retransmits.
     */
    private Exchange exchangeFor() {
        if (awaiting() != sentIn) {
            sentIn = awaiting();
            answered = true;
        }
        if (answered) {
            answered = false;
            exchange = new Exchange(sentIn.phase(), timers, deadlineNanos);
        }
        return exchange;
    }

    private void transmit(byte[] datagram, long now, Effects out) {
        later = null; // a send the BMC asked to wait for is superseded by whatever goes out now
        Exchange ex = exchangeFor();
        if (ex.sends() > 0) {
            stats.retransmits.increment();
        }
        attempts++;
        out.send(datagram);
        out.arm(SessionTimer.RETRANSMIT, ex.sent(now));
    }
}
