package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.command.app.SessionMessages;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.session.ActiveSession;
import io.ipmirunner.ipmi.session.Decoded;
import io.ipmirunner.ipmi.session.DiscoveryLogin;
import io.ipmirunner.ipmi.session.RmcpPlusSession;
import io.ipmirunner.ipmi.transport.EventLoop;
import io.ipmirunner.ipmi.wire.CompletionCode;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.LanPacket;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The I/O edge of one session: it feeds packets and timer expiries to the pure login machine, then runs
 * operations one at a time (most BMCs serve one outstanding request per session) with retransmission,
 * busy back-off and deadlines, keeps the session alive, and always tries to close it. Loop thread only.
 */
final class SessionDriver implements LoginExchange.Outcome {
    enum State { IDLE, LOGIN, ACTIVE, CLOSING, CLOSED }

    private final BmcTarget target;
    private final Timing timing;
    private final BmcTimers timers;
    private final EventLoop loop;
    private final Sender sender;
    private final SecureRandom random;
    private final ArrayDeque<Operation> queue = new ArrayDeque<>();
    private final SessionLoss loss;
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    final EngineStats stats;

    private State state = State.IDLE;
    private LoginExchange login;
    private DiscoveryLogin discovery;
    private ActiveSession session;
    private boolean heard;
    private EventLoop.Timer keepAliveTimer;
    private final Pacing pacing;
    /** Set while the next command waits for {@link #pacing}. */
    private EventLoop.Timer paceTimer;
    private Operation inFlight;
    private Transmissions tx;
    private int handles;
    private final PayloadRoute payloads = new PayloadRoute();

    interface Sender {
        void send(BmcTarget target, byte[] datagram);
    }


    SessionDriver(BmcTarget target, Timing timing, BmcTimers timers, EventLoop loop, Sender sender,
                  SecureRandom random, EngineStats stats) {
        this.target = target;
        this.timing = timing;
        this.timers = timers;
        this.loop = loop;
        this.sender = sender;
        this.random = random;
        this.stats = stats;
        this.loss = new SessionLoss(d -> sender.send(target, d));
        this.pacing = new Pacing(target.minCommandInterval());
    }

    BmcTarget target() {
        return target;
    }

    State state() {
        return state;
    }

    int load() {
        return queue.size() + (inFlight != null ? 1 : 0);
    }

    void acquire() {
        handles++;
    }

    Optional<ChannelAuthCapabilities.Response> loginCapabilities() {
        return discovery == null ? Optional.empty() : discovery.capabilities();
    }

    String describe() {
        return session != null ? session.describe() : "not logged in";
    }

    void submit(Operation op) {
        if (state == State.CLOSING || state == State.CLOSED) {
            op.result.completeExceptionally(new IpmiException.ProtocolError(target.name(), Phase.COMMAND,
                    "session already closed"));
            return;
        }
        queue.add(op);
        if (state == State.IDLE) {
            startLogin();
        } else {
            pump();
        }
    }

    private void startLogin() {
        state = State.LOGIN;
        discovery = new DiscoveryLogin(target.name(), target.config(), random);
        login = new LoginExchange(discovery, timing, timers, loop, d -> sender.send(target, d), stats, heard, this);
        login.start();
    }

    // ---- login ----

    @Override
    public void established(ActiveSession s, long loginNanos) {
        stats.loginNanos.add(loginNanos);
        session = s;
        heard = true;
        tx = new Transmissions();
        login = null;
        state = State.ACTIVE;
        stats.sessionsOpened.increment();
        pump();
    }

    @Override
    public void failed(IpmiException failure, ActiveSession open) {
        login = null;
        stats.loginFailures.increment();
        Operation op;
        while ((op = queue.poll()) != null) {
            op.result.completeExceptionally(failure);
        }
        if (open != null) {
            // Set Session Privilege Level failed on an established session: close it, numbered afresh.
            session = open;
            tx = new Transmissions();
            beginClose();
        } else {
            state = State.IDLE;
            if (handles == 0) {
                finish();
            }
        }
    }

    // ---- packets ----

    void onPacket(LanPacket packet) {
        if (state == State.LOGIN && login != null) {
            login.onPacket(packet);
            return;
        }
        if (session == null) {
            return;
        }
        switch (session.decode(packet)) {
            case Decoded.Accepted a -> onResponse(a);
            case Decoded.Payload p -> onPayload(p);
            case Decoded.Dropped d -> stats.dropped.increment();
            case Decoded.NotMine n -> loss.heardOutside(packet, inFlight);
        }
    }

    private void onPayload(Decoded.Payload p) {
        heard = true;
        if (!payloads.deliver(p.data())) {
            stats.dropped.increment();
        }
    }

    void attachPayloadPort(PayloadRoute.Port port) {
        payloads.attach(port);
    }

    /**
     * The cipher suite of an active RMCP+ session, which alone carries payloads other than IPMI messages
     * (IPMI v2.0 §13.27.3); empty otherwise.
     */
    Optional<CipherSuite> payloadSuite() {
        return state == State.ACTIVE && session instanceof RmcpPlusSession s ? Optional.of(s.cipherSuite())
                : Optional.empty();
    }

    /** Sends one payload in the session; false when there is no active RMCP+ session to carry it. */
    boolean sendPayload(int payloadType, byte[] payload) {
        if (state != State.ACTIVE || !(session instanceof RmcpPlusSession s)) {
            return false;
        }
        sender.send(target, s.encodePayload(payloadType, payload));
        return true;
    }

    private void onResponse(Decoded.Accepted a) {
        Operation op = inFlight;
        var r = a.response();
        tx.answered(r, a.sessionSeq());
        if (op == null || !op.answeredBy(r)) {
            stats.dropped.increment();
            if (op != null) {
                follow(op, tx.onOtherReply(op));
            }
            return;
        }
        heard = true;
        EventLoop.Timer.cancel(op.retransmit);
        if (op.measuredBy(r)) {
            timers.sample(Phase.COMMAND, System.nanoTime() - op.sentAt);
        }
        if (r.completionCode().equals(CompletionCode.NODE_BUSY) && op.busyRetries < timing.busyRetries()) {
            // Busy is an answer, not a loss: back off and ask again within the same deadline.
            op.busyRetries++;
            op.lastAnswerBusy = true;
            tx.settle(); // busy: not executed, so the re-ask is a new request, not a copy
            stats.busy.increment();
            op.retransmit = loop.schedule(op.busyDelayMillis(), () -> transmit(op));
            return;
        }
        complete(op, r);
    }

    /** {@code r} null: a non-idempotent request arrived (the BMC's numbers say so) but its reply was lost. */
    private void complete(Operation op, IpmiResponse r) {
        op.cancelTimers();
        inFlight = null;
        tx.settle();
        op.result.complete(r);
        if (state == State.CLOSING) {
            afterClose();
        } else {
            pump();
        }
    }

    // ---- operations ----

    private void pump() {
        if (state != State.ACTIVE || inFlight != null || paceTimer != null) {
            return;
        }
        if (queue.isEmpty()) {
            if (handles == 0) {
                beginClose();
            } else {
                armKeepAlive();
            }
            return;
        }
        long wait = pacing.waitMillis(System.nanoTime());
        if (wait > 0) {
            paceTimer = loop.schedule(wait, () -> {
                paceTimer = null;
                pump();
            });
            return;
        }
        Operation op = queue.poll();
        pacing.sent(System.nanoTime());
        if (op.lastInSession) {
            sendAndForget(op);
            return;
        }
        inFlight = op;
        op.started = System.nanoTime();
        op.rto = timers.rtoMillis(Phase.COMMAND);
        op.deadline = loop.schedule(timing.timeoutMillis(), () -> operationDeadline(op));
        transmit(op);
    }

    private void transmit(Operation op) {
        if (op != inFlight || session == null) {
            return;
        }
        op.attempts++;
        boolean resend = op.attempts > 1 && !op.lastAnswerBusy;
        if (resend) {
            stats.retransmits.increment();
        }
        op.lastAnswerBusy = false;
        op.sentAt = System.nanoTime(); // a probe's send is not the request's: it leaves this alone
        sendArmed(op, tx.request(op, resend));
    }

    private void retransmitTimeout(Operation op) {
        if (op != inFlight) {
            return;
        }
        if (state == State.ACTIVE && loss.sessionGone(op)) {
            sessionGone(op);
            return;
        }
        op.rto = timers.backOff(Phase.COMMAND, op.rto);
        follow(op, tx.onTimeout(op));
        loss.probeAfter(op);
    }

    /** The BMC is up but has no session for us: log in afresh; only a read goes out again, in the new one. */
    private void sessionGone(Operation op) {
        op.cancelTimers();
        inFlight = null;
        if (op.resendAfterLogin()) {
            queue.addFirst(op);
        } else {
            op.result.completeExceptionally(SessionLoss.unsafeToResend(target.name(), op));
        }
        abandonSession();
    }

    private void follow(Operation op, Transmissions.Next next) {
        switch (next) {
            case Transmissions.Next.Resend r -> transmit(op);
            case Transmissions.Next.Probe p -> sendArmed(op, tx.probe(op));
            case Transmissions.Next.Arrived a -> complete(op, null);
            case Transmissions.Next.Wait w -> { }
        }
    }

    private void sendArmed(Operation op, IpmiRequest request) {
        sender.send(target, session.encode(request));
        EventLoop.Timer.cancel(op.retransmit);
        op.retransmit = loop.schedule(op.rto, () -> retransmitTimeout(op));
    }

    /**
     * One transmission and no wait: a resetting BMC may answer before it goes down or not at all, and
     * forgets the session either way, so whatever comes next starts with a fresh login.
     */
    private void sendAndForget(Operation op) {
        EventLoop.Timer.cancel(keepAliveTimer);
        op.attempts = 1;
        sender.send(target, session.encode(tx.request(op, false)));
        op.result.complete(null);
        forgetSession();
    }

    private void operationDeadline(Operation op) {
        if (op != inFlight) {
            return;
        }
        op.cancelTimers();
        inFlight = null;
        Phase phase = Commands.CLOSE_SESSION.matches(op.netFn, op.cmd) ? Phase.CLOSE : Phase.COMMAND;
        if (op.busyRetries > 0 && op.lastAnswerBusy) {
            // The BMC kept answering, only busy: say so instead of calling it a timeout.
            op.result.completeExceptionally(new IpmiException.CompletionCodeError(target.name(), phase, op.name,
                    CompletionCode.NODE_BUSY));
            pump();
            return;
        }
        op.result.completeExceptionally(loss.timeout(target.name(), phase, op));
        if (state == State.CLOSING) {
            afterClose();
            return;
        }
        // A BMC that stopped answering may have reset and forgotten the session: log in afresh for the rest.
        abandonSession();
    }

    /**
     * Leaves a session the BMC seems to have lost with one Close Session, not awaited: if the BMC had lost
     * it, the request is dropped; if the evidence misled (loss can), the session's slot is freed, where
     * otherwise it stays taken until the BMC's own timeout (and BMCs have a handful).
     */
    private void abandonSession() {
        sender.send(target, session.encode(tx.request(closeSession(), false)));
        forgetSession();
    }

    /** The session is gone on the BMC's side: what is still queued goes through a fresh login. */
    private void forgetSession() {
        payloads.end("the session to the BMC was lost");
        session = null;
        state = State.IDLE;
        if (!queue.isEmpty()) {
            startLogin();
        } else if (handles == 0) {
            finish();
        }
    }

    private void armKeepAlive() {
        EventLoop.Timer.cancel(keepAliveTimer);
        keepAliveTimer = loop.schedule(timing.keepAliveMillis(), () -> {
            if (state == State.ACTIVE && inFlight == null && queue.isEmpty()) {
                var spec = Commands.GET_DEVICE_ID;
                submit(new Operation(spec.name() + " (keep-alive)", spec.netFn(), spec.cmd(), new byte[0]));
            }
        });
    }

    // ---- closing ----

    /** A handle let go; the session closes once no handle is left and no operation waits. */
    void release() {
        handles--;
        if (handles > 0) {
            return;
        }
        switch (state) {
            case ACTIVE -> pump();
            case IDLE -> finish();
            default -> { }
        }
    }

    /** Fails what waits and closes now (client shutdown, Ctrl-C). */
    void abort(IpmiException reason) {
        Operation op;
        while ((op = queue.poll()) != null) {
            op.result.completeExceptionally(reason);
        }
        handles = 0;
        switch (state) {
            case ACTIVE -> {
                // Do not wait out a slow command: the BMC's session slot matters more than its answer.
                if (inFlight != null) {
                    inFlight.cancelTimers();
                    inFlight.result.completeExceptionally(reason);
                    inFlight = null;
                }
                beginClose();
            }
            case LOGIN -> {
                login.cancel();
                failed(reason, null);
            }
            case IDLE -> finish();
            default -> { }
        }
    }

    private void beginClose() {
        EventLoop.Timer.cancel(keepAliveTimer);
        state = State.CLOSING;
        Operation op = closeSession();
        inFlight = op;
        op.started = System.nanoTime();
        op.rto = Math.min(timers.rtoMillis(Phase.COMMAND), Math.max(1, timing.closeTimeoutMillis() / 4));
        // Two round-trip timeouts, one resend: that recovers a lost request. A BMC that closed the session
        // but whose reply was lost answers no resend (the session is gone), so waiting longer only delays
        // the end of every run in which the last host's close lost a datagram.
        long wait = Math.min(timing.closeTimeoutMillis(), 2 * op.rto);
        op.deadline = loop.schedule(wait, () -> operationDeadline(op));
        transmit(op);
    }

    /** Close Session (IPMI v2.0 §22.19) for this session. */
    private Operation closeSession() {
        var spec = Commands.CLOSE_SESSION;
        byte[] data = new SessionMessages.CloseRequest(session.bmcSessionId()).toBytes();
        return new Operation(spec.name(), spec.netFn(), spec.cmd(), data);
    }

    private void afterClose() {
        stats.sessionsClosed.increment();
        session = null;
        finish();
    }

    private void finish() {
        payloads.end("the session was closed");
        state = State.CLOSED;
        EventLoop.Timer.cancel(keepAliveTimer);
        EventLoop.Timer.cancel(paceTimer);
        closed.complete(null);
    }
}
