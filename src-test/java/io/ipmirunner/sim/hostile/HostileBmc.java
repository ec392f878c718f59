package io.ipmirunner.sim.hostile;

import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.SimHarness;
import io.ipmirunner.sim.SimulatedBmc;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.lan.Answering;
import io.ipmirunner.sim.lan.LanEndpoint;
import io.ipmirunner.sim.lan.LanServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A simulated BMC on its own UDP port of 127.0.0.1 that logs a client in properly (the project's simulator
 * does the RMCP+ handshake) and then misbehaves in one way. Its one thread owns the pure endpoint.
 */
final class HostileBmc implements AutoCloseable {
    /** RMCP+ session header (IPMI v2.0 §13.6): RMCP 4 bytes, auth type 06h, payload type, session ID. */
    private static final int PAYLOAD_TYPE_AT = 5;
    private static final int SESSION_ID_AT = 6;

    private final Misbehaviour misbehaviour;
    private final DatagramChannel channel;
    private final LanEndpoint endpoint;
    private final Thread server;
    private final long started = System.nanoTime();
    private int sessionReplies;

    HostileBmc(Misbehaviour misbehaviour) {
        this(misbehaviour, misbehaviour.answering());
    }

    /** A BMC that answers as {@code answering} says, every reply at the socket untouched. */
    HostileBmc(Answering answering) {
        this(Misbehaviour.HONEST, answering);
    }

    private HostileBmc(Misbehaviour misbehaviour, Answering answering) {
        this.misbehaviour = misbehaviour;
        SimulatedBmc bmc = new SimulatedBmc(7, 42, SimHarness.profile(BmcSettings.DEFAULTS, FaultProfile.NONE),
                SimHarness.T0);
        for (int i = 0; i < 5; i++) {
            bmc.sel().add(SimHarness.T0, 0x01, 0x30 + i, 0x01, false, 0x59, 0x00, 0x00);
        }
        endpoint = new LanEndpoint(bmc, new LanServices(new SecureRandom(), new SplittableRandom(1)), null,
                answering);
        try {
            channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = Thread.ofPlatform().daemon().name("hostile-bmc-" + misbehaviour).start(this::serve);
    }

    /** Every instance starts at the same simulated moment, so honest results compare equal across them. */
    private long clock() {
        return SimHarness.T0 + (System.nanoTime() - started) / 1_000_000;
    }

    BmcTarget target() {
        try {
            return new BmcTarget(misbehaviour.name(), (InetSocketAddress) channel.getLocalAddress(),
                    SimHarness.admin());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve() {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        try {
            while (true) {
                buf.clear();
                var from = channel.receive(buf);
                buf.flip();
                byte[] datagram = new byte[buf.remaining()];
                buf.get(datagram);
                Optional<byte[]> reply = endpoint.handle(datagram, clock());
                if (reply.isPresent()) {
                    channel.send(ByteBuffer.wrap(edge(reply.get())), from);
                }
            }
        } catch (ClosedChannelException e) {
            // closed: done
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one lie told at the socket: in-session replies after the first (the login's privilege) change ID. */
    private byte[] edge(byte[] reply) {
        boolean inSession = reply.length > SESSION_ID_AT + 4 && reply[4] == 0x06
                && (reply[PAYLOAD_TYPE_AT] & 0x3F) == 0 && (reply[SESSION_ID_AT] | reply[SESSION_ID_AT + 1]
                | reply[SESSION_ID_AT + 2] | reply[SESSION_ID_AT + 3]) != 0;
        if (misbehaviour == Misbehaviour.WRONG_SESSION_ID && inSession && ++sessionReplies > 1) {
            reply[SESSION_ID_AT] ^= 0x5A;
        }
        return reply;
    }

    @Override
    public void close() {
        try {
            channel.close();
            server.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
