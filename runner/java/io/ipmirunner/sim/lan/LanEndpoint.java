package io.ipmirunner.sim.lan;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.wire.AsfMessage;
import io.ipmirunner.ipmi.wire.CompletionCode;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.V15Packet;
import io.ipmirunner.ipmi.wire.V20Packet;
import io.ipmirunner.sim.BmcProfile;
import io.ipmirunner.sim.SimulatedBmc;
import io.ipmirunner.sim.fault.Quirk;
import io.ipmirunner.sim.cmd.Answer;
import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;

/**
 * One simulated BMC's LAN interface, pure: a datagram and the time in, at most one datagram out. ASF
 * presence ping (IPMI v2.0 §13.2), the pre-session commands, RMCP+ and v1.5 session establishment, then
 * authenticated requests. What does not parse, is not authenticated, or names no session gets no answer.
 * Loss and latency are left to the socket edge; unreachable, cold-reset silence and busy replies are here.
 */
public final class LanEndpoint {
    private final SimulatedBmc bmc;
    private final LanServices services;
    private final Inet4Address address;
    private final Answering answering;
    private final int port;
    /** The UDP port SOL_PORT_ELSEWHERE serves SOL on, or WRONG_SOL_PORT reports; 0: SOL is on {@link #port}. */
    private final int solPort;
    /** Whether the datagram being handled came in on {@link #solPort}. */
    private boolean viaSolPort;
    private final SolPort sol = new SolPort();
    private SessionTable sessions;
    /** Where the datagram being handled came from (the edge's token), for SOL packets sent later. */
    private Object peer;

    public LanEndpoint(SimulatedBmc bmc, LanServices services, Inet4Address address) {
        this(bmc, services, address, Answering.HONEST);
    }

    /** A BMC that answers in-session requests as {@code answering} says. */
    public LanEndpoint(SimulatedBmc bmc, LanServices services, Inet4Address address, Answering answering) {
        this(bmc, services, address, 0, answering);
    }

    /** {@code port}: the UDP port this BMC listens on, which Activate Payload reports for SOL (0: unknown). */
    public LanEndpoint(SimulatedBmc bmc, LanServices services, Inet4Address address, int port, Answering answering) {
        this(bmc, services, address, port, 0, answering);
    }

    /** {@code solPort}: a second UDP port of this BMC's, for the SOL port quirks (0: none). */
    public LanEndpoint(SimulatedBmc bmc, LanServices services, Inet4Address address, int port, int solPort,
                       Answering answering) {
        this.bmc = bmc;
        this.services = services;
        this.address = address;
        this.port = port;
        this.solPort = solPort;
        this.answering = answering;
    }

    public Optional<byte[]> handle(byte[] datagram, long now) {
        return handle(datagram, now, null);
    }

    /** {@code from}: the sender as the edge knows it, kept for the SOL packets {@link #solOutput} returns. */
    public Optional<byte[]> handle(byte[] datagram, long now, Object from) {
        return handle(datagram, now, from, false);
    }

    /** {@code viaSolPort}: the datagram came in on the BMC's second port (see {@link #solPort}). */
    public Optional<byte[]> handle(byte[] datagram, long now, Object from, boolean viaSolPort) {
        peer = from;
        this.viaSolPort = viaSolPort;
        if (bmc.profile().faults().unreachable()) {
            return Optional.empty();
        }
        bmc.advance(now);
        if (bmc.silent(now)) {
            return Optional.empty();
        }
        try {
            byte[] reply = switch (LanPacket.decode(datagram)) {
                case AsfMessage a -> a.type() == AsfMessage.PRESENCE_PING ? AsfMessage.pong(a.tag(), true).encode()
                        : null;
                case V15Packet p -> v15(p, now);
                case V20Packet p -> bmc.profile().rmcpPlus() ? v20(p, now) : null;
            };
            return Optional.ofNullable(reply);
        } catch (MalformedPacketException e) {
            return Optional.empty();
        }
    }

    private byte[] v15(V15Packet p, long now) throws MalformedPacketException {
        if (p.sessionId() == 0) {
            if (p.authType() != V15Packet.AUTH_NONE) {
                return null;
            }
            IpmiRequest req = IpmiRequest.decode(p.message());
            Answer a = preSession(req, false, now);
            return a == null ? null
                    : new V15Packet(V15Packet.AUTH_NONE, 0, 0, new byte[0], respond(req, a)).encode();
        }
        if (sessions(now).byId(p.sessionId()) instanceof V15Session s) {
            IpmiRequest req = V15Messages.unwrap(s, p);
            if (req == null) {
                return null;
            }
            s.lastActive = now;
            Answer a = inSession(s, req, now);
            return V15Messages.wrap(s, req.respond(CompletionCode.of(a.completionCode()), a.data()),
                    bmc.profile().faults());
        }
        return V15Messages.activate(this, p, now);
    }

    private byte[] v20(V20Packet p, long now) throws MalformedPacketException {
        return switch (p.payloadType()) {
            case PayloadType.OPEN_SESSION_REQUEST -> RmcpPlusHandshake.openSession(this, p, now);
            case PayloadType.RAKP_1 -> RmcpPlusHandshake.rakp1(this, p, now);
            case PayloadType.RAKP_3 -> RmcpPlusHandshake.rakp3(this, p, now);
            case PayloadType.IPMI -> p.sessionId() == 0 ? v20PreSession(p, now) : v20Session(p, now);
            case PayloadType.SOL -> solPayload(p, now);
            default -> null;
        };
    }

    private byte[] v20PreSession(V20Packet p, long now) throws MalformedPacketException {
        if (p.authenticated() || p.encrypted()) {
            return null;
        }
        IpmiRequest req = IpmiRequest.decode(p.payload());
        Answer a = preSession(req, true, now);
        return a == null ? null : V20Packet.encode(PayloadType.IPMI, false, 0, 0, respond(req, a), null);
    }

    private byte[] v20Session(V20Packet p, long now) throws MalformedPacketException {
        if (!(sessions(now).byId(p.sessionId()) instanceof PlusSession s) || !s.active()) {
            return null;
        }
        IpmiRequest req = RmcpPlusMessages.unwrap(s, p);
        if (req == null) {
            return null;
        }
        s.lastActive = now;
        Answer a = inSession(s, req, now);
        return RmcpPlusMessages.wrap(s, req.respond(CompletionCode.of(a.completionCode()), a.data()),
                services.crypto(), bmc.profile().faults().has(Quirk.BAD_REPLY_CHECKSUM));
    }

    private byte[] solPayload(V20Packet p, long now) throws MalformedPacketException {
        if (!solServedHere()) {
            return null;
        }
        if (sessions(now).byId(p.sessionId()) instanceof PlusSession s && s.active()) {
            byte[] payload = RmcpPlusMessages.unwrapPayload(s, p);
            if (payload != null) {
                s.lastActive = now;
                sol.onPayload(sessions(now), s, peer, payload, now, bmc.serial(), services.crypto());
            }
        }
        return null; // what SOL sends goes out through solOutput
    }

    /**
     * SOL datagrams due by {@code now} (acks, resends, what the host printed), each with the address token of
     * the console to send it to. The edge calls this after each datagram and on a timer while
     * {@link #solActive} holds.
     */
    public List<Outbound> solOutput(long now) {
        bmc.advance(now);
        sol.tick(sessions(now), now, bmc.serial(), services.crypto());
        return sol.drain();
    }

    /** Whether a console has SOL active here (the edge keeps ticking {@link #solOutput} while it has). */
    public boolean solActive(long now) {
        return sol.active(sessions(now));
    }

    SolPort sol() {
        return sol;
    }

    Object peer() {
        return peer;
    }

    int port() {
        return port;
    }

    /** Whether SOL flows through the port the datagram being handled came in on (SOL_PORT_ELSEWHERE: its own only). */
    boolean solServedHere() {
        return viaSolPort || !bmc.profile().faults().has(Quirk.SOL_PORT_ELSEWHERE);
    }

    /** The port Activate Payload reports for SOL. */
    int reportedSolPort() {
        return solPort != 0 ? solPort : port;
    }

    private Answer inSession(ServerSession s, IpmiRequest req, long now) {
        return answering.answer(req, data -> InSession.run(this, s, new IpmiRequest(req.rsAddr(), req.netFn(),
                req.rsLun(), req.rqAddr(), req.rqSeq(), req.rqLun(), req.cmd(), data), now));
    }

    /** The commands anyone may send without a session; null (no answer) for every other one. */
    private Answer preSession(IpmiRequest req, boolean v20, long now) throws MalformedPacketException {
        if (Commands.GET_CHANNEL_AUTH_CAPABILITIES.matches(req.netFn(), req.cmd())) {
            return PreSessionCommands.authCapabilities(bmc, req.data());
        }
        if (Commands.GET_CHANNEL_CIPHER_SUITES.matches(req.netFn(), req.cmd())) {
            return PreSessionCommands.cipherSuites(bmc, req.data());
        }
        if (!v20 && Commands.GET_SESSION_CHALLENGE.matches(req.netFn(), req.cmd())) {
            return V15Messages.challenge(this, req.data(), now);
        }
        return null;
    }

    private static byte[] respond(IpmiRequest req, Answer a) {
        return req.respond(CompletionCode.of(a.completionCode()), a.data()).encode();
    }

    /** The session table, created on first use and replaced after a cold reset; idle sessions expire here. */
    SessionTable sessions(long now) {
        if (sessions == null || sessions.resetsSeen() != bmc.resets()) {
            sessions = new SessionTable(bmc.profile().settings().sessionLimit(),
                    bmc.profile().settings().sessionTimeoutMillis(), bmc.resets());
        }
        sessions.expire(now);
        return sessions;
    }

    /** A free session slot, 0 when none (always none for a BMC with the session exhaustion fault). */
    int freeHandle(long now) {
        return bmc.profile().faults().sessionsExhausted() ? 0 : sessions(now).freeHandle(now);
    }

    /** Sessions past their handshake, for status displays and tests. */
    public int activeSessions(long now) {
        return sessions == null ? 0 : sessions(now).activeCount();
    }

    BmcProfile profile() {
        return bmc.profile();
    }

    public SimulatedBmc bmc() {
        return bmc;
    }

    LanServices services() {
        return services;
    }

    Inet4Address address() {
        return address;
    }
}
