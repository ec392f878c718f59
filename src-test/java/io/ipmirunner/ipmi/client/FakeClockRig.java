package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.V15Packet;
import io.ipmirunner.ipmi.wire.V20Packet;
import io.ipmirunner.sim.BmcProfile;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.SimHarness;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.lan.LanEndpoint;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;

/**
 * A {@link SessionMachine} on fake time, talking to the simulator's pure packet handler ({@link LanEndpoint})
 * over a network the test controls: each datagram takes {@link #latencyMillis} each way, and {@link #drop}
 * (or {@link #delay}) decides per datagram by its kind and how many of that kind went before. Nothing sleeps:
 * time jumps from one due event (an arrival, a timer) to the next, so timings are asserted exactly.
 */
final class FakeClockRig {
    /** What a datagram is, as the tests name the messages of a login and a session. */
    enum Kind {
        AUTH_CAPABILITIES, PRESENCE_PROBE, OPEN_SESSION, RAKP_1, RAKP_3, CHALLENGE, ACTIVATE, SET_PRIVILEGE,
        CLOSE_SESSION, COMMAND,
        /** Anything from the BMC. */
        REPLY
    }

    /** One datagram on the wire: when it left, its kind, its number among its kind, and whether it was lost. */
    record Wire(long atMillis, Kind kind, int nth, boolean toBmc, boolean lost, int cmd) {}

    /** A datagram due at one end; {@code replyDelayMillis}: extra time the BMC's reply to it takes. */
    private record Arrival(long atNanos, long order, boolean toBmc, byte[] datagram, long replyDelayMillis) {}

    static final long MS = 1_000_000;

    final Timing timing;
    final BmcTimers timers;
    final EngineStats stats = new EngineStats();
    final SessionMachine machine;
    final BmcProfile profile;
    LanEndpoint bmc;
    long now;
    long latencyMillis = 2;
    /** Lose a datagram (kind, nth of that kind from 1, counted per direction): replies are kind REPLY. */
    BiPredicate<Kind, Integer> drop = (k, n) -> false;
    /** Which requests (kind, nth) the BMC answers {@link #delayMillis} late (a slow password check). */
    BiPredicate<Kind, Integer> delay = (k, n) -> false;
    long delayMillis;
    final List<Wire> wire = new ArrayList<>();
    final List<SessionEffect> effects = new ArrayList<>();
    private final Map<SessionTimer, Long> armed = new EnumMap<>(SessionTimer.class);
    private final PriorityQueue<Arrival> network = new PriorityQueue<>((a, b) -> a.atNanos != b.atNanos
            ? Long.compare(a.atNanos, b.atNanos) : Long.compare(a.order, b.order));
    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    private long order;
    private int replies;

    FakeClockRig(SessionConfig config, Timing timing, FaultProfile faults) {
        this(config, timing, SimHarness.profile(BmcSettings.DEFAULTS, faults));
    }

    FakeClockRig(SessionConfig config, Timing timing, BmcProfile profile) {
        this(config, timing, profile, Duration.ZERO);
    }

    /** {@code minCommandInterval}: the host's {@code ipmi_min_command_interval}. */
    FakeClockRig(SessionConfig config, Timing timing, BmcProfile profile, Duration minCommandInterval) {
        this.timing = timing;
        this.timers = new BmcTimers(timing, BmcTimers.fleet(timing));
        this.profile = profile;
        this.bmc = SimHarness.endpoint(profile, SimHarness.T0);
        var target = new BmcTarget("fake", new InetSocketAddress("127.60.0.1", 623), config)
                .withMinCommandInterval(minCommandInterval);
        this.machine = new SessionMachine(target, timing, timers, new SecureRandom(), stats);
        machine.acquire();
    }

    static SessionConfig admin() {
        return SimHarness.admin();
    }

    long millis() {
        return now / MS;
    }

    Operation submit(Operation op) {
        handle(new SessionEvent.Submit(op));
        return op;
    }

    void handle(SessionEvent e) {
        for (SessionEffect f : machine.on(e, now)) {
            effects.add(f);
            switch (f) {
                case SessionEffect.Send s -> send(s.datagram());
                case SessionEffect.Arm a -> armed.put(a.timer(), now + a.delayMillis() * MS);
                case SessionEffect.Disarm d -> armed.remove(d.timer());
                case SessionEffect.Complete c -> c.op().result.complete(c.response());
                case SessionEffect.Fail x -> x.op().result.completeExceptionally(x.failure());
                case SessionEffect.Closed c -> armed.clear();
                default -> { }
            }
        }
    }

    /** Runs events until {@code op} is done or {@code limitMillis} of fake time passed; returns the time. */
    long runUntilDone(Operation op, long limitMillis) {
        return runUntil(() -> op.result.isDone(), limitMillis);
    }

    long runUntil(BooleanSupplier done, long limitMillis) {
        long limit = now + limitMillis * MS;
        while (!done.getAsBoolean()) {
            Long timerAt = armed.values().stream().min(Long::compare).orElse(null);
            Arrival next = network.peek();
            long at = Math.min(timerAt == null ? Long.MAX_VALUE : timerAt,
                    next == null ? Long.MAX_VALUE : next.atNanos);
            if (at == Long.MAX_VALUE || at > limit) {
                break;
            }
            now = Math.max(now, at);
            if (next != null && next.atNanos <= at) {
                // As the event loop does: what has arrived is read before a timer due at the same time.
                network.poll();
                arrive(next);
            } else {
                SessionTimer t = armed.entrySet().stream().filter(e -> e.getValue() == at).findFirst()
                        .orElseThrow().getKey();
                armed.remove(t);
                handle(new SessionEvent.TimerFired(t));
            }
        }
        return millis();
    }

    List<Wire> sent(Kind kind) {
        return wire.stream().filter(w -> w.toBmc && w.kind == kind).toList();
    }

    /** The BMC restarts: a fresh one at the same address, which knows no session. */
    void restartBmc() {
        bmc = SimHarness.endpoint(profile, SimHarness.T0 + millis());
    }

    /** The commands (IPMI cmd numbers) sent in a session, in order, with the kind COMMAND. */
    List<Integer> commands() {
        return wire.stream().filter(w -> w.toBmc && w.kind == Kind.COMMAND).map(Wire::cmd).toList();
    }

    /** The kinds sent to the BMC, in order. */
    List<Kind> sentKinds() {
        return wire.stream().filter(Wire::toBmc).map(Wire::kind).toList();
    }

    private void send(byte[] datagram) {
        Kind kind = kindOf(datagram);
        int nth = counts.merge(kind, 1, Integer::sum);
        boolean lost = drop.test(kind, nth);
        wire.add(new Wire(millis(), kind, nth, true, lost, cmdOf(datagram)));
        if (!lost) {
            long extra = delay.test(kind, nth) ? delayMillis : 0;
            network.add(new Arrival(now + latencyMillis * MS, order++, true, datagram, extra));
        }
    }

    private void arrive(Arrival a) {
        if (a.toBmc) {
            bmc.handle(a.datagram, SimHarness.T0 + millis()).ifPresent(reply -> {
                int nth = ++replies;
                boolean lost = drop.test(Kind.REPLY, nth);
                wire.add(new Wire(millis(), Kind.REPLY, nth, false, lost, -1));
                if (!lost) {
                    network.add(new Arrival(now + (latencyMillis + a.replyDelayMillis) * MS, order++, false, reply, 0));
                }
            });
            return;
        }
        try {
            handle(new SessionEvent.Packet(LanPacket.decode(a.datagram)));
        } catch (MalformedPacketException e) {
            throw new AssertionError("the BMC sent a malformed packet", e);
        }
    }

    static Kind kindOf(byte[] datagram) {
        try {
            return switch (LanPacket.decode(datagram)) {
                case V15Packet p when p.sessionId() == 0 -> {
                    IpmiRequest q = IpmiRequest.decode(p.message());
                    // The login's Get Channel Authentication Capabilities uses rqSeq 0; presence probes 1-63.
                    yield q.cmd() == 0x39 ? Kind.CHALLENGE
                            : q.rqSeq() == 0 ? Kind.AUTH_CAPABILITIES : Kind.PRESENCE_PROBE;
                }
                case V15Packet p -> command(IpmiRequest.decode(p.message()).cmd());
                case V20Packet p when p.payloadType() == PayloadType.OPEN_SESSION_REQUEST -> Kind.OPEN_SESSION;
                case V20Packet p when p.payloadType() == PayloadType.RAKP_1 -> Kind.RAKP_1;
                case V20Packet p when p.payloadType() == PayloadType.RAKP_3 -> Kind.RAKP_3;
                case V20Packet p when p.sessionId() == 0 -> {
                    IpmiRequest q = IpmiRequest.decode(p.payload());
                    yield q.rqSeq() == 0 ? Kind.AUTH_CAPABILITIES : Kind.PRESENCE_PROBE;
                }
                case V20Packet p when !p.encrypted() -> command(IpmiRequest.decode(p.payload()).cmd());
                default -> Kind.COMMAND;
            };
        } catch (MalformedPacketException e) {
            throw new AssertionError("the client sent a malformed packet", e);
        }
    }

    /** The cmd of a request readable on the wire (v1.5, or RMCP+ unencrypted); -1 otherwise. */
    private static int cmdOf(byte[] datagram) {
        try {
            return switch (LanPacket.decode(datagram)) {
                case V15Packet p -> IpmiRequest.decode(p.message()).cmd();
                case V20Packet p when p.payloadType() == PayloadType.IPMI && !p.encrypted()
                        -> IpmiRequest.decode(p.payload()).cmd();
                default -> -1;
            };
        } catch (MalformedPacketException e) {
            return -1;
        }
    }

    private static Kind command(int cmd) {
        return switch (cmd) {
            case 0x3A -> Kind.ACTIVATE;
            case 0x3B -> Kind.SET_PRIVILEGE;
            case 0x3C -> Kind.CLOSE_SESSION;
            default -> Kind.COMMAND;
        };
    }
}
