package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.session.ActiveSession;
import io.ipmirunner.ipmi.session.Decoded;
import io.ipmirunner.ipmi.session.DiscoveryLogin;
import io.ipmirunner.ipmi.session.Step;
import io.ipmirunner.ipmi.wire.LanPacket;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * One session to one BMC, pure: {@link SessionEvent}s in (with the time), {@link SessionEffect}s out. It
 * logs in with the first request ({@link LoginRun}), runs the queued requests one at a time
 * ({@link CommandFlow}), paces them ({@link Pacing}), keeps the session alive, logs in afresh when the BMC
 * lost the session, and always tries to close it. It reads no clock and touches no socket: the driver
 * ({@link SessionDriver}) does the I/O, and tests run it on fake time.
 */
final class SessionMachine {
    /** Where the session is in its life: IDLE has none (the next request logs in), CLOSING awaits Close Session. */
    enum Stage { IDLE, LOGIN, ACTIVE, CLOSING, CLOSED }

    private final BmcTarget target;
    private final Timing timing;
    private final BmcTimers timers;
    private final SecureRandom random;
    private final EngineStats stats;
    private final ArrayDeque<Operation> queue = new ArrayDeque<>();
    private final Pacing pacing;
    private final CommandFlow flow;
    private Stage stage = Stage.IDLE;
    /** The latest login, running while the stage is LOGIN. */
    private LoginRun login;
    private DiscoveryLogin discovery;
    /** The BMC ever answered a login or session: a later login's timeout is then no "unreachable". */
    private boolean heard;
    /** A {@link SessionTimer#PACE} is armed: the next command waits for it. */
    private boolean paced;
    private int handles;

    SessionMachine(BmcTarget target, Timing timing, BmcTimers timers, SecureRandom random, EngineStats stats) {
        this.target = target;
        this.timing = timing;
        this.timers = timers;
        this.random = random;
        this.stats = stats;
        this.pacing = new Pacing(target.minCommandInterval());
        this.flow = new CommandFlow(target.name(), timing, timers, stats);
    }

    /** Handles {@code event}, which happened at {@code now} ({@link System#nanoTime} units). */
    List<SessionEffect> on(SessionEvent event, long now) {
        Effects out = new Effects();
        switch (event) {
            case SessionEvent.Submit s -> submit(s.op(), now, out);
            case SessionEvent.Packet p -> onPacket(p.packet(), now, out);
            case SessionEvent.TimerFired t -> onTimer(t.timer(), now, out);
            case SessionEvent.Release r -> release(now, out);
            case SessionEvent.Abort a -> abort(a.reason(), now, out);
        }
        return out.list();
    }

    Stage stage() {
        return stage;
    }

    /** Requests waiting or in flight: how busy this session is, for sharing sessions. */
    int load() {
        return queue.size() + (flow.inFlight() != null ? 1 : 0);
    }

    /** A new handle on the session; it stays open until every handle is released. */
    void acquire() {
        handles++;
    }

    Optional<ChannelAuthCapabilities.Response> loginCapabilities() {
        return discovery == null ? Optional.empty() : discovery.capabilities();
    }

    /** The session, while it is active. */
    Optional<ActiveSession> active() {
        return stage == Stage.ACTIVE ? Optional.of(flow.session()) : Optional.empty();
    }

    private void submit(Operation op, long now, Effects out) {
        if (stage == Stage.CLOSING || stage == Stage.CLOSED) {
            out.fail(op, new IpmiException.ProtocolError(target.name(), Phase.COMMAND, "session already closed"));
            return;
        }
        queue.add(op);
        if (stage == Stage.IDLE) {
            startLogin(now, out);
        } else {
            pump(now, out);
        }
    }

    private void startLogin(long now, Effects out) {
        stage = Stage.LOGIN;
        discovery = new DiscoveryLogin(target.name(), target.config(), random);
        login = new LoginRun(target.name(), discovery, timing, timers, stats, heard, now);
        loginStep(login.start(now, out), now, out);
    }

    /** {@code s}: what the login came to ({@link LoginRun} stopped its timers), null while it goes on. */
    private void loginStep(Step s, long now, Effects out) {
        if (s instanceof Step.Failed f) {
            loginFailed(f.failure(), f.openSession(), now, out);
        } else if (s instanceof Step.Established e) {
            flow.attach(e.session(), login.numbering());
            heard = true;
            stage = Stage.ACTIVE;
            pump(now, out);
        }
    }

    /** {@code open}: the session Set Session Privilege Level failed in, to be closed; else null. */
    private void loginFailed(IpmiException failure, ActiveSession open, long now, Effects out) {
        stats.loginFailures.increment();
        failQueued(failure, out);
        if (open != null) {
            flow.attach(open, login.numbering());
            beginClose(now, out);
            return;
        }
        stage = Stage.IDLE;
        if (handles == 0) {
            finish(out);
        }
    }

    private void failQueued(IpmiException failure, Effects out) {
        Operation op;
        while ((op = queue.poll()) != null) {
            out.fail(op, failure);
        }
    }

    private void onPacket(LanPacket packet, long now, Effects out) {
        if (stage == Stage.LOGIN) {
            loginStep(login.onPacket(packet, now, out), now, out);
            return;
        }
        if (flow.session() == null) {
            return;
        }
        switch (flow.decode(packet)) {
            case Decoded.Accepted a -> after(flow.onResponse(a, now, out), now, out);
            case Decoded.Payload p -> out.add(new SessionEffect.Deliver(p.data()));
            case Decoded.Dropped d -> stats.dropped.increment();
            case Decoded.NotMine n -> flow.heardOutside(packet);
        }
    }

    private void onTimer(SessionTimer timer, long now, Effects out) {
        boolean retransmit = timer == SessionTimer.RETRANSMIT;
        if (timer == SessionTimer.PACE) {
            paced = false;
            pump(now, out);
        } else if (timer == SessionTimer.KEEP_ALIVE) {
            if (stage == Stage.ACTIVE && flow.inFlight() == null && queue.isEmpty()) {
                submit(Operation.getDeviceId("keep-alive"), now, out);
            }
        } else if (stage == Stage.LOGIN) {
            loginStep(retransmit ? login.onRetransmit(now, out) : login.onDeadline(now, out), now, out);
        } else if ((stage == Stage.ACTIVE || stage == Stage.CLOSING) && flow.inFlight() != null) {
            boolean active = stage == Stage.ACTIVE;
            after(retransmit ? flow.onRetransmit(now, active, out) : flow.onDeadline(now, out), now, out);
        }
    }

    private void after(CommandFlow.After after, long now, Effects out) {
        switch (after) {
            case WAITING -> { }
            case DONE, TIMED_OUT -> {
                if (stage == Stage.CLOSING) {
                    afterClose(out);
                } else if (after == CommandFlow.After.DONE) {
                    pump(now, out);
                } else {
                    // A BMC that stopped answering may have reset and forgotten the session: log in afresh.
                    abandonSession(now, out);
                }
            }
            case SESSION_GONE -> {
                // The BMC is up but has no session for us: log in afresh; only a read goes out again, in it.
                Operation op = flow.takeInFlight(out);
                if (op.resendAfterLogin()) {
                    queue.addFirst(op);
                } else {
                    out.fail(op, SessionLoss.unsafeToResend(target.name(), op, now));
                }
                abandonSession(now, out);
            }
        }
    }

    private void pump(long now, Effects out) {
        if (stage != Stage.ACTIVE || flow.inFlight() != null || paced) {
            return;
        }
        if (queue.isEmpty()) {
            if (handles == 0) {
                beginClose(now, out);
            } else {
                out.arm(SessionTimer.KEEP_ALIVE, timing.keepAliveMillis());
            }
            return;
        }
        long wait = pacing.waitMillis(now);
        if (wait > 0) {
            paced = true;
            out.arm(SessionTimer.PACE, wait);
            return;
        }
        Operation op = queue.poll();
        pacing.sent(now);
        if (op.lastInSession) {
            out.disarm(SessionTimer.KEEP_ALIVE);
            flow.sendAndForget(op, now, out);
            forgetSession(now, out);
            return;
        }
        flow.start(op, timing.timeoutMillis(), now, out);
    }

    /** Leaves a session the BMC seems to have lost with one Close Session ({@link CommandFlow#abandonDatagram}). */
    private void abandonSession(long now, Effects out) {
        out.send(flow.abandonDatagram(now));
        forgetSession(now, out);
    }

    /** The session is gone on the BMC's side: what is still queued goes through a fresh login. */
    private void forgetSession(long now, Effects out) {
        out.add(new SessionEffect.Ended("the session to the BMC was lost"));
        flow.detach();
        stage = Stage.IDLE;
        if (!queue.isEmpty()) {
            startLogin(now, out);
        } else if (handles == 0) {
            finish(out);
        }
    }

    private void release(long now, Effects out) {
        if (--handles > 0) {
            return;
        }
        switch (stage) {
            case ACTIVE -> pump(now, out);
            case IDLE -> finish(out);
            default -> { }
        }
    }

    private void abort(IpmiException reason, long now, Effects out) {
        failQueued(reason, out);
        handles = 0;
        switch (stage) {
            case ACTIVE -> {
                // Do not wait out a slow command: the BMC's session slot matters more than its answer.
                if (flow.inFlight() != null) {
                    out.fail(flow.takeInFlight(out), reason);
                }
                beginClose(now, out);
            }
            case LOGIN -> loginFailed(reason, login.abort(out), now, out);
            case IDLE -> finish(out);
            default -> { }
        }
    }

    private void beginClose(long now, Effects out) {
        out.disarm(SessionTimer.KEEP_ALIVE);
        stage = Stage.CLOSING;
        flow.startClose(now, out);
    }

    private void afterClose(Effects out) {
        stats.sessionsClosed.increment();
        flow.detach();
        finish(out);
    }

    private void finish(Effects out) {
        stage = Stage.CLOSED;
        out.add(new SessionEffect.Closed());
    }
}
