package io.ipmirunner.sim;

import io.ipmirunner.ipmi.command.CommandSpec;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.session.ActiveSession;
import io.ipmirunner.ipmi.session.Decoded;
import io.ipmirunner.ipmi.session.DiscoveryLogin;
import io.ipmirunner.ipmi.session.Login;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.ipmi.session.SetPrivilege;
import io.ipmirunner.ipmi.session.Step;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.lan.LanEndpoint;
import io.ipmirunner.sim.lan.LanServices;
import io.ipmirunner.sim.model.Personality;
import io.ipmirunner.sim.model.UserTable;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Drives a simulated BMC's pure packet handler with the project's own pure client state machines: no
 * socket, no sleeping, the time is whatever the test says.
 */
public final class SimHarness {
    public static final Secret PASSWORD = Secret.of("s3cret-test-pw", "test");
    public static final long T0 = 1_750_000_000_000L;

    private SimHarness() {}

    public static BmcProfile profile(BmcSettings settings, FaultProfile faults) {
        return new BmcProfile(Personality.DELL, UserTable.standard("admin", PASSWORD), settings, faults);
    }

    public static LanEndpoint endpoint(BmcProfile profile, long now) {
        SimulatedBmc bmc = new SimulatedBmc(7, 42, profile, now);
        return new LanEndpoint(bmc, new LanServices(new SecureRandom(), new SplittableRandom(1)), null);
    }

    public static SessionConfig admin() {
        return SessionConfig.of("admin", PASSWORD);
    }

    /** Logs in; the outcome is the established session, the failure, or a request to retry later. */
    public static Step login(LanEndpoint bmc, SessionConfig config, long now) {
        return login(bmc, config, now, d -> { });
    }

    /** As {@link #login(LanEndpoint, SessionConfig, long)}, telling {@code sent} every datagram sent. */
    public static Step login(LanEndpoint bmc, SessionConfig config, long now, Consumer<byte[]> sent) {
        Login login = new DiscoveryLogin("sim", config, new SecureRandom());
        Step step = login.start();
        for (int i = 0; i < 20; i++) {
            if (step instanceof Step.Handover h) {
                login = h.next();
                step = login.start();
                continue;
            }
            if (step instanceof Step.RaisePrivilege r) {
                // Numbered as the engine's session numbers it: the next rqSeq, in the session.
                var raise = new SetPrivilege("sim", r);
                var spec = Commands.SET_SESSION_PRIVILEGE;
                rqSeq = rqSeq + 1 & 0x3F;
                byte[] d = r.session().encode(IpmiRequest.toBmc(spec.netFn(), spec.cmd(), rqSeq, raise.requestData()));
                sent.accept(d);
                var reply = send(bmc, r.session(), d, now);
                return reply.isEmpty() ? step : raise.onReply(reply.get());
            }
            byte[] datagram = step instanceof Step.Send s ? s.datagram() : null;
            if (datagram == null) {
                return step;
            }
            sent.accept(datagram);
            Optional<byte[]> reply = bmc.handle(datagram, now);
            if (reply.isEmpty()) {
                step = login.onTimeout();
                continue;
            }
            try {
                step = login.onPacket(LanPacket.decode(reply.get()));
            } catch (MalformedPacketException e) {
                throw new AssertionError("BMC sent a malformed packet", e);
            }
        }
        throw new AssertionError("login did not finish: " + step);
    }

    public static ActiveSession session(LanEndpoint bmc, SessionConfig config, long now) {
        return session(bmc, config, now, d -> { });
    }

    public static ActiveSession session(LanEndpoint bmc, SessionConfig config, long now, Consumer<byte[]> sent) {
        Step s = login(bmc, config, now, sent);
        if (s instanceof Step.Established e) {
            return e.session();
        }
        throw new AssertionError("login failed: " + s);
    }

    private static int rqSeq;

    /** One request in the session; empty when the BMC did not answer. */
    public static <Q extends WireMessage> Optional<IpmiResponse> call(LanEndpoint bmc, ActiveSession session,
                                                                    CommandSpec<Q, ?> spec, Q request, long now) {
        rqSeq = rqSeq + 1 & 0x3F;
        byte[] datagram = session.encode(IpmiRequest.toBmc(spec.netFn(), spec.cmd(), rqSeq, request.toBytes()));
        return send(bmc, session, datagram, now);
    }

    public static Optional<IpmiResponse> send(LanEndpoint bmc, ActiveSession session, byte[] datagram, long now) {
        Optional<byte[]> reply = bmc.handle(datagram, now);
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (session.decode(LanPacket.decode(reply.get())) instanceof Decoded.Accepted a) {
                return Optional.of(a.response());
            }
            throw new AssertionError("the client refused the BMC's reply");
        } catch (MalformedPacketException e) {
            throw new AssertionError("BMC sent a malformed packet", e);
        }
    }

    /** Calls and expects success; returns the decoded response. */
    public static <Q extends WireMessage, S extends WireMessage> S ok(LanEndpoint bmc, ActiveSession session,
                                                                     CommandSpec<Q, S> spec, Q request, long now) {
        IpmiResponse r = call(bmc, session, spec, request, now).orElseThrow(() -> new AssertionError("no answer"));
        if (!r.completionCode().isOk()) {
            throw new AssertionError(spec.name() + ": " + r.completionCode());
        }
        try {
            return spec.decodeResponse(r.data());
        } catch (MalformedPacketException e) {
            throw new AssertionError(spec.name() + " response does not decode", e);
        }
    }
}
