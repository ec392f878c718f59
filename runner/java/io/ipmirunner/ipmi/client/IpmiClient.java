package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.transport.EventLoop;
import io.ipmirunner.ipmi.transport.UdpTransport;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The JVM-wide IPMI engine: one event loop, a few UDP sockets, and every session to every BMC. Replies are
 * routed by peer address, then by session. Sessions are shared: {@link #open} returns a handle onto an
 * existing session to the same BMC with the same login, up to {@code sessionsPerBmc} sessions each.
 */
public final class IpmiClient implements AutoCloseable {
    public record Options(int sockets, int sessionsPerBmc, Timing timing, InetSocketAddress bind) {
        public static Options defaults() {
            return new Options(4, 1, Timing.DEFAULT, new InetSocketAddress(0));
        }

        public Options withTiming(Timing t) {
            return new Options(sockets, sessionsPerBmc, t, bind);
        }

        public Options withSessionsPerBmc(int n) {
            return new Options(sockets, n, timing, bind);
        }
    }

    private final Options options;
    private final EventLoop loop = new EventLoop("ipmi-engine");
    private final UdpTransport transport;
    private final SecureRandom random = new SecureRandom();
    private final EngineStats stats = new EngineStats();
    private final Map<InetSocketAddress, List<SessionDriver>> byPeer = new HashMap<>();
    private final Map<BmcTarget.Key, List<SessionDriver>> byLogin = new HashMap<>();
    /** Kept after sessions close: what a BMC's round trips were is still true for the next login to it. */
    private final Map<InetSocketAddress, BmcTimers> timers = new HashMap<>();
    private final BmcTimers fleetTimers;
    private volatile boolean closing;

    private IpmiClient(Options options) {
        this.options = options;
        this.fleetTimers = BmcTimers.fleet(options.timing());
        this.transport = new UdpTransport(loop, options.sockets(), options.bind(), this::onDatagram, stats.sendErrors);
    }

    public static IpmiClient create() {
        return new IpmiClient(Options.defaults());
    }

    public static IpmiClient create(Options options) {
        return new IpmiClient(options);
    }

    public EngineStats stats() {
        return stats;
    }

    /** A handle on a session to {@code target}; the login happens with the first request. */
    public BmcSession open(BmcTarget target) {
        if (closing) {
            throw new IllegalStateException("client is closing");
        }
        CompletableFuture<SessionDriver> f = new CompletableFuture<>();
        loop.execute(() -> f.complete(acquire(target)));
        return new BmcSession(this, f.join());
    }

    /**
     * A handle on a session of its own, never shared, so its login really happens: for checking that a
     * password just set is accepted.
     */
    public BmcSession openUnshared(BmcTarget target) {
        if (closing) {
            throw new IllegalStateException("client is closing");
        }
        CompletableFuture<SessionDriver> f = new CompletableFuture<>();
        loop.execute(() -> {
            SessionDriver d = newDriver(target);
            d.acquire();
            f.complete(d);
        });
        return new BmcSession(this, f.join());
    }

    private SessionDriver acquire(BmcTarget target) {
        List<SessionDriver> list = byLogin.computeIfAbsent(target.key(), k -> new ArrayList<>());
        SessionDriver best = null;
        for (SessionDriver d : list) {
            if (!d.closing() && (best == null || d.load() < best.load())) {
                best = d;
            }
        }
        if (best == null || best.load() > 0 && list.size() < options.sessionsPerBmc()) {
            best = newDriver(target);
            list.add(best);
        }
        best.acquire();
        return best;
    }

    /** On the loop: a driver timed for this host, sharing the BMC's round-trip estimates with its others. */
    private SessionDriver newDriver(BmcTarget target) {
        Timing timing = target.timing(options.timing());
        BmcTimers t = timers.computeIfAbsent(target.address(), a -> new BmcTimers(timing, fleetTimers));
        SessionDriver d = new SessionDriver(target, timing, t, loop, this::send, random, stats);
        byPeer.computeIfAbsent(target.address(), a -> new ArrayList<>()).add(d);
        d.closed.thenRun(() -> forget(d));
        return d;
    }

    private void forget(SessionDriver d) {
        List<SessionDriver> l = byLogin.get(d.target().key());
        if (l != null && l.remove(d) && l.isEmpty()) {
            byLogin.remove(d.target().key());
        }
        List<SessionDriver> p = byPeer.get(d.target().address());
        if (p != null && p.remove(d) && p.isEmpty()) {
            byPeer.remove(d.target().address());
        }
    }

    private void send(BmcTarget target, byte[] datagram) {
        transport.send(target.address(), datagram);
    }

    private void onDatagram(InetSocketAddress from, byte[] data) {
        LanPacket packet;
        try {
            packet = LanPacket.decode(data);
        } catch (MalformedPacketException e) {
            stats.malformed.increment();
            return;
        }
        List<SessionDriver> drivers = byPeer.get(from);
        if (drivers == null) {
            stats.dropped.increment();
            return;
        }
        for (SessionDriver d : List.copyOf(drivers)) {
            d.onPacket(packet);
        }
    }

    boolean isClosing() {
        return closing;
    }

    void execute(Runnable r) {
        loop.execute(r);
    }

    /** For the engine's own edges that need timers on the loop (a SOL link). */
    EventLoop loop() {
        return loop;
    }

    /** Number of sessions currently held (any state but closed). For tests and benchmarks. */
    public int openSessionCount() {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        loop.execute(() -> f.complete(byPeer.values().stream().mapToInt(List::size).sum()));
        return f.join();
    }

    /**
     * Fails waiting work, sends Close Session on every open session and waits up to the close timeout for
     * the BMCs to confirm. Called at the end of a run and from the Ctrl-C hook.
     */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        CompletableFuture<List<CompletableFuture<Void>>> all = new CompletableFuture<>();
        loop.execute(() -> {
            List<CompletableFuture<Void>> waits = new ArrayList<>();
            for (List<SessionDriver> l : List.copyOf(byPeer.values())) {
                for (SessionDriver d : List.copyOf(l)) {
                    waits.add(d.closed);
                    d.abort(new IpmiException.ProtocolError(d.target().name(), Phase.CLOSE, "run interrupted"));
                }
            }
            all.complete(waits);
        });
        try {
            List<CompletableFuture<Void>> waits = all.get(2, TimeUnit.SECONDS);
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new))
                    .get(options.timing().closeTimeoutMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Out of time: the BMCs will expire what was not closed; nothing else to do.
        }
        transport.close();
        loop.close();
    }
}
