package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.session.ActiveSession;
import io.ipmirunner.ipmi.session.RmcpPlusSession;
import io.ipmirunner.ipmi.transport.EventLoop;
import io.ipmirunner.ipmi.wire.LanPacket;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The I/O edge of one session: it hands events to the pure {@link SessionMachine} with the loop's time and
 * carries out the effects it answers with (datagrams to the BMC, the loop's timers, futures completed,
 * payloads to an attached SOL port). It decides nothing. Loop thread only.
 */
final class SessionDriver {
    private final BmcTarget target;
    private final EventLoop loop;
    private final Sender sender;
    private final SessionMachine machine;
    private final PayloadRoute payloads = new PayloadRoute();
    private final Map<SessionTimer, EventLoop.Timer> armed = new EnumMap<>(SessionTimer.class);
    /** Events that came while effects were being carried out (a future's callback may submit): handled next. */
    private final ArrayDeque<SessionEvent> pending = new ArrayDeque<>();
    private boolean handling;
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    final EngineStats stats;

    interface Sender {
        void send(BmcTarget target, byte[] datagram);
    }

    SessionDriver(BmcTarget target, Timing timing, BmcTimers timers, EventLoop loop, Sender sender,
                  SecureRandom random, EngineStats stats) {
        this.target = target;
        this.loop = loop;
        this.sender = sender;
        this.stats = stats;
        this.machine = new SessionMachine(target, timing, timers, random, stats);
    }

    BmcTarget target() {
        return target;
    }

    /** Closing or closed: no new handle may share it. */
    boolean closing() {
        return machine.stage() == SessionMachine.Stage.CLOSING || machine.stage() == SessionMachine.Stage.CLOSED;
    }

    int load() {
        return machine.load();
    }

    void acquire() {
        machine.acquire();
    }

    Optional<ChannelAuthCapabilities.Response> loginCapabilities() {
        return machine.loginCapabilities();
    }

    String describe() {
        return machine.active().map(ActiveSession::describe).orElse("not logged in");
    }

    void submit(Operation op) {
        handle(new SessionEvent.Submit(op));
    }

    void onPacket(LanPacket packet) {
        handle(new SessionEvent.Packet(packet));
    }

    /** A handle let go; the session closes once no handle is left and no operation waits. */
    void release() {
        handle(new SessionEvent.Release());
    }

    /** Fails what waits and closes now (client shutdown, Ctrl-C). */
    void abort(IpmiException reason) {
        handle(new SessionEvent.Abort(reason));
    }

    void attachPayloadPort(PayloadRoute.Port port) {
        payloads.attach(port);
    }

    /**
     * The cipher suite of an active RMCP+ session, which alone carries payloads other than IPMI messages
     * (IPMI v2.0 §13.27.3); empty otherwise.
     */
    Optional<CipherSuite> payloadSuite() {
        return payloadSession().map(RmcpPlusSession::cipherSuite);
    }

    /** Sends one payload in the session; false when there is no active RMCP+ session to carry it. */
    boolean sendPayload(int payloadType, byte[] payload) {
        Optional<RmcpPlusSession> s = payloadSession();
        s.ifPresent(session -> sender.send(target, session.encodePayload(payloadType, payload)));
        return s.isPresent();
    }

    private Optional<RmcpPlusSession> payloadSession() {
        return machine.active().filter(RmcpPlusSession.class::isInstance).map(RmcpPlusSession.class::cast);
    }

    private void handle(SessionEvent event) {
        pending.add(event);
        if (handling) {
            return;
        }
        handling = true;
        try {
            SessionEvent e;
            while ((e = pending.poll()) != null) {
                for (SessionEffect effect : machine.on(e, loop.nanoTime())) {
                    apply(effect);
                }
            }
        } finally {
            handling = false;
        }
    }

    private void apply(SessionEffect effect) {
        switch (effect) {
            case SessionEffect.Send s -> sender.send(target, s.datagram());
            case SessionEffect.Arm a -> {
                EventLoop.Timer.cancel(armed.get(a.timer()));
                armed.put(a.timer(), loop.schedule(a.delayMillis(), () -> {
                    armed.remove(a.timer());
                    handle(new SessionEvent.TimerFired(a.timer()));
                }));
            }
            case SessionEffect.Disarm d -> EventLoop.Timer.cancel(armed.remove(d.timer()));
            case SessionEffect.Complete c -> c.op().result.complete(c.response());
            case SessionEffect.Fail f -> f.op().result.completeExceptionally(f.failure());
            case SessionEffect.Deliver d -> {
                if (!payloads.deliver(d.payload())) {
                    stats.dropped.increment();
                }
            }
            case SessionEffect.Ended e -> payloads.end(e.reason());
            case SessionEffect.Closed c -> {
                payloads.end("the session was closed");
                armed.values().forEach(t -> t.cancel());
                armed.clear();
                closed.complete(null);
            }
        }
    }
}
