package io.ipmirunner.sim.fleet;

import io.ipmirunner.ipmi.transport.EventLoop;
import io.ipmirunner.sim.SimulatedBmc;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Quirk;
import io.ipmirunner.sim.lan.LanEndpoint;
import io.ipmirunner.sim.lan.LanServices;
import io.ipmirunner.sim.lan.Outbound;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * The I/O edge of a simulated fleet: one UDP socket per BMC, all served by ONE event loop thread, so the
 * pure {@link LanEndpoint}s need no locking. Loss and latency faults are applied here, where packets are.
 * Each BMC costs one file descriptor: 10,000 BMCs need {@code ulimit -n} above 10,000 (see {@link FdLimit}).
 */
public final class FleetHost implements AutoCloseable {
    /** Datagrams are read into one buffer; anything longer than an IPMI packet can be is cut (and then dropped). */
    private static final int MAX_DATAGRAM = 2048;

    /** Counters, readable from any thread. */
    public record Stats(long received, long answered, long lost, long errors) {}

    private final EventLoop loop = new EventLoop("ipmi-sim");
    private final LanServices services;
    private final List<Node> nodes = new ArrayList<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    private final LongAdder received = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder errors = new LongAdder();
    /** BMCs with SOL active and a tick scheduled (loop thread only). */
    private final java.util.Set<Node> solTicking = new java.util.HashSet<>();
    private static final long SOL_TICK_MILLIS = 20;

    /**
     * One BMC: its socket, its pure endpoint and the faults the edge plays; {@code solChannel}, for the SOL port
     * quirks, a second socket on an ephemeral port (read only for SOL_PORT_ELSEWHERE; WRONG_SOL_PORT reports
     * it and never reads it, so nothing answers there), else null.
     */
    private record Node(BmcPlan plan, DatagramChannel channel, InetSocketAddress address, LanEndpoint endpoint,
                        FaultProfile faults, DatagramChannel solChannel) {}

    /** The token of a console that reached the BMC on its SOL port: what goes back to it leaves from there. */
    private record ViaSolPort(SocketAddress address) {}

    private FleetHost(LanServices services) {
        this.services = services;
    }

    /** Binds every BMC's socket (failing with the address that could not be bound) and starts serving. */
    public static FleetHost start(List<BmcPlan> plans, LanServices services, long seed) {
        FdLimit.check(plans.size());
        FleetHost host = new FleetHost(services);
        long now = System.currentTimeMillis();
        try {
            for (BmcPlan p : plans) {
                DatagramChannel ch = bind(p, p.bind());
                InetSocketAddress bound = (InetSocketAddress) ch.getLocalAddress();
                Inet4Address v4 = bound.getAddress() instanceof Inet4Address a ? a : null;
                FaultProfile f = p.profile().faults();
                DatagramChannel sol = f.has(Quirk.SOL_PORT_ELSEWHERE) || f.has(Quirk.WRONG_SOL_PORT)
                        ? bind(p, new InetSocketAddress(bound.getAddress(), 0)) : null;
                int solPort = sol == null ? 0 : ((InetSocketAddress) sol.getLocalAddress()).getPort();
                SimulatedBmc bmc = new SimulatedBmc(p.index(), seed, p.profile(), now);
                host.nodes.add(new Node(p, ch, bound, new LanEndpoint(bmc, services, v4, bound.getPort(), solPort,
                        io.ipmirunner.sim.lan.Answering.HONEST), f, sol));
            }
        } catch (IOException | RuntimeException e) {
            host.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        CompletableFuture<Void> registered = new CompletableFuture<>();
        host.loop.execute(() -> {
            for (Node n : host.nodes) {
                host.loop.register(n.channel(), key -> host.drain(n, n.channel()));
                if (n.solChannel() != null && n.faults().has(Quirk.SOL_PORT_ELSEWHERE)) {
                    host.loop.register(n.solChannel(), key -> host.drain(n, n.solChannel()));
                }
            }
            registered.complete(null);
        });
        registered.join();
        return host;
    }

    private static DatagramChannel bind(BmcPlan p, InetSocketAddress at) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.configureBlocking(false);
            ch.bind(at);
            return ch;
        } catch (IOException e) {
            ch.close();
            throw new UncheckedIOException("cannot bind " + at + " for " + p.name() + ": " + e.getMessage(), e);
        }
    }

    private void drain(Node n, DatagramChannel ch) {
        // Everything queued now: fewer selector wake-ups under load; bounded so one BMC cannot starve others.
        for (int i = 0; i < 64; i++) {
            SocketAddress from;
            buffer.clear();
            try {
                from = ch.receive(buffer);
            } catch (IOException e) {
                errors.increment();
                return;
            }
            if (from == null) {
                return;
            }
            received.increment();
            buffer.flip();
            byte[] data = new byte[buffer.remaining()];
            buffer.get(data);
            serve(n, ch, from, data);
        }
    }

    private void serve(Node n, DatagramChannel ch, SocketAddress from, byte[] data) {
        FaultProfile f = n.faults();
        if (f.loss() > 0 && services.chance().nextDouble() < f.loss()) {
            lost.increment();
            return;
        }
        Optional<byte[]> reply;
        try {
            boolean viaSol = ch != n.channel();
            reply = n.endpoint().handle(data, System.currentTimeMillis(), viaSol ? new ViaSolPort(from) : from,
                    viaSol);
        } catch (RuntimeException e) {
            // A simulator bug must not take the fleet down; the fuzz test is where it should be found.
            if (errors.sum() == 0) {
                System.err.println("ipmi-runner sim: " + n.plan().name() + ": " + e);
            }
            errors.increment();
            return;
        }
        sendSol(n);
        if (reply.isEmpty()) {
            return;
        }
        if (f.loss() > 0 && services.chance().nextDouble() < f.loss()) {
            lost.increment();
            return;
        }
        long delay = (isRakp1(data) ? f.rakpLatency() : f.latency()).sampleMillis(services.chance());
        if (delay <= 0) {
            send(ch, from, reply.get());
        } else {
            loop.schedule(delay, () -> send(ch, from, reply.get()));
        }
    }

    /**
     * What the BMC's SOL sends on its own (acks, resends, the host's output), with the loss fault; while SOL is
     * active the BMC is ticked every {@value #SOL_TICK_MILLIS} ms, and only then, so idle BMCs cost no timers.
     */
    private void sendSol(Node n) {
        long now = System.currentTimeMillis();
        for (Outbound o : n.endpoint().solOutput(now)) {
            DatagramChannel ch = o.peer() instanceof ViaSolPort ? n.solChannel() : n.channel();
            SocketAddress to = o.peer() instanceof ViaSolPort v ? v.address() : (SocketAddress) o.peer();
            if (to == null) {
                continue;
            }
            if (n.faults().loss() > 0 && services.chance().nextDouble() < n.faults().loss()) {
                lost.increment();
            } else {
                send(ch, to, o.datagram());
            }
        }
        if (n.endpoint().solActive(now) && solTicking.add(n)) {
            loop.schedule(SOL_TICK_MILLIS, () -> solTick(n));
        }
    }

    private void solTick(Node n) {
        solTicking.remove(n);
        sendSol(n);
    }

    /**
     * RMCP (4 bytes), then the RMCP+ session header: authentication type 06h and the payload type, whose low
     * six bits are 12h for RAKP Message 1 (IPMI v2.0 §13.6, §13.20).
     */
    private static boolean isRakp1(byte[] d) {
        return d.length > 5 && d[4] == 0x06 && (d[5] & 0x3F) == 0x12;
    }

    private void send(DatagramChannel ch, SocketAddress to, byte[] datagram) {
        try {
            ch.send(ByteBuffer.wrap(datagram), to);
            answered.increment();
        } catch (IOException e) {
            errors.increment();
        }
    }

    public int size() {
        return nodes.size();
    }

    /** The address BMC {@code i} really listens on (the port is filled in for ephemeral binds). */
    public InetSocketAddress address(int i) {
        return nodes.get(i).address();
    }

    /** The second port of BMC {@code i} for the SOL port quirks, 0 when it has none. */
    public int solPort(int i) {
        DatagramChannel ch = nodes.get(i).solChannel();
        try {
            return ch == null ? 0 : ((InetSocketAddress) ch.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BmcPlan plan(int i) {
        return nodes.get(i).plan();
    }

    /** Runs {@code query} on the loop thread, which owns the BMC models, and returns its result. */
    public <T> T inspect(int i, java.util.function.Function<SimulatedBmc, T> query) {
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                f.complete(query.apply(nodes.get(i).endpoint().bmc()));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.join();
    }

    public Stats stats() {
        return new Stats(received.sum(), answered.sum(), lost.sum(), errors.sum());
    }

    @Override
    public void close() {
        loop.close();
        for (Node n : nodes) {
            try {
                n.channel().close();
                if (n.solChannel() != null) {
                    n.solChannel().close();
                }
            } catch (IOException ignored) {
                // shutting down: nothing to do about a socket that will not close
            }
        }
    }
}
