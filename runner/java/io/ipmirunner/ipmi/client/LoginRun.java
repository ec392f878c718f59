package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.session.Awaiting;
import io.ipmirunner.ipmi.session.Login;
import io.ipmirunner.ipmi.session.Step;
import io.ipmirunner.ipmi.wire.LanPacket;

/**
 * One login as {@link SessionMachine} runs it: the pure {@link Login} machine decides what to send, this
 * gives each request an {@link Exchange} (timeouts, back-off, samples) and the whole login one deadline,
 * and turns both into effects. Every step, restart and busy wait shares that deadline: an operator's
 * {@code --timeout 5} means five seconds to a session, not five per step (three steps and a restart made it
 * 15 s, reported as the last step's 945 ms). The retransmission and deadline timers are the session's.
 */
final class LoginRun {
    private final Login login;
    private final Timing timing;
    private final BmcTimers timers;
    private final EngineStats stats;
    private final long startedAt;
    private final long deadlineNanos;
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

    LoginRun(Login login, Timing timing, BmcTimers timers, EngineStats stats, boolean heardBefore, long now) {
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

    Step onPacket(LanPacket packet, long now, Effects out) {
        Step s = login.onPacket(packet);
        if (!(s instanceof Step.Wait)) {
            // Only a reply the login could use says a BMC is there: datagrams that never parse (a bad
            // checksum, another service on the port) leave a BMC that never answered, so unreachable.
            heard = true;
        }
        boolean moved = s instanceof Step.Send || s instanceof Step.SendLater || s instanceof Step.Established;
        if (exchange != null && moved) {
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
        return step(login.onTimeout(), now, out);
    }

    Step onDeadline(long now, Effects out) {
        out.disarm(SessionTimer.RETRANSMIT);
        later = null;
        return step(login.onDeadline((now - startedAt) / 1_000_000, attempts, heard), now, out);
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
    void stop(Effects out) {
        out.disarm(SessionTimer.RETRANSMIT);
        out.disarm(SessionTimer.DEADLINE);
    }

    private void transmit(byte[] datagram, long now, Effects out) {
        later = null; // a send the BMC asked to wait for is superseded by whatever goes out now
        if (login.awaiting() != sentIn) {
            sentIn = login.awaiting();
            answered = true;
        }
        if (answered) {
            answered = false;
            exchange = new Exchange(sentIn.phase(), timers, deadlineNanos);
        } else {
            stats.retransmits.increment();
        }
        attempts++;
        out.send(datagram);
        out.arm(SessionTimer.RETRANSMIT, exchange.sent(now));
    }
}
