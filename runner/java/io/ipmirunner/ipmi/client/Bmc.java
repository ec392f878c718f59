package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.CommandSpec;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.secret.Secret;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;

/**
 * One BMC as a task module sees it: requests by {@link CommandSpec} (or raw bytes), the one-way request a
 * reset needs, fresh logins beside the shared session, and the time to wait by. {@link BmcSession} is the
 * real one; tests hand modules a simulated BMC on fake time. A non-zero completion code fails a typed send;
 * {@link #raw} hands the response back whatever its code.
 */
public interface Bmc extends AutoCloseable {
    /** The host's name, for messages. */
    String host();

    CompletableFuture<IpmiResponse> rawAsync(String name, int netFn, int cmd, byte[] data);

    /**
     * Like {@link #rawAsync}, for a request that must not run twice: tells whether a resend may have
     * duplicated it, or that it arrived but its reply was lost (which {@link #rawAsync} reports as a timeout).
     * A BMC that cannot tell answers as if it were sent once.
     */
    default CompletableFuture<Delivery> deliverAsync(String name, int netFn, int cmd, byte[] data) {
        return rawAsync(name, netFn, cmd, data).thenApply(r -> new Delivery.Answered(r, false));
    }

    /**
     * Sends once without waiting for a reply and forgets the session: for Cold/Warm Reset (IPMI v2.0
     * §20.2, §20.3), which a BMC may or may not answer before it goes down. The next send logs in afresh.
     */
    <Q extends WireMessage> void sendLast(CommandSpec<Q, ?> spec, Q request) throws IpmiException;

    /**
     * A new, unshared session to the same BMC with this session's settings changed by {@code adjust}: for
     * security probes (cipher suite 0, a null user, IPMI v1.5 auth type none) that must not touch the shared one.
     */
    Bmc loginWith(UnaryOperator<SessionConfig> adjust);

    /** The Get Channel Authentication Capabilities answer this session's login received, if it logged in. */
    Optional<ChannelAuthCapabilities.Response> loginCapabilities();

    /** The clock a module waits by. */
    TimeSource time();

    @Override
    void close();

    default <Q extends WireMessage, S extends WireMessage> CompletableFuture<S> sendAsync(CommandSpec<Q, S> spec,
                                                                                           Q request) {
        return rawAsync(spec.name(), spec.netFn(), spec.cmd(), request.toBytes()).thenApply(r -> {
            if (!r.completionCode().isOk()) {
                throw new CompletionException(new IpmiException.CompletionCodeError(host(), Phase.COMMAND,
                        spec.name(), r.completionCode()));
            }
            try {
                return spec.decodeResponse(r.data());
            } catch (MalformedPacketException e) {
                throw new CompletionException(new IpmiException.ProtocolError(host(), Phase.COMMAND,
                        "bad " + spec.name() + " response: " + e.getMessage()));
            }
        });
    }

    default <Q extends WireMessage, S extends WireMessage> S send(CommandSpec<Q, S> spec, Q request)
            throws IpmiException {
        return await(sendAsync(spec, request));
    }

    default <Q extends WireMessage> Delivery deliver(CommandSpec<Q, ?> spec, Q request) throws IpmiException {
        return await(deliverAsync(spec.name(), spec.netFn(), spec.cmd(), request.toBytes()));
    }

    default IpmiResponse raw(String name, int netFn, int cmd, byte[] data) throws IpmiException {
        return await(rawAsync(name, netFn, cmd, data));
    }

    /**
     * A new, unshared session to the same BMC as another user: the login happens with its first request.
     * The privilege asked for is this session's, stepping down when the BMC refuses it.
     */
    default Bmc loginAs(String username, Secret password) {
        return loginWith(c -> new SessionConfig(username, password, c.kg(), c.privilege(), false,
                c.cipherSuite(), c.version(), c.nameOnlyLookup(), c.v15AuthType(), c.workarounds()));
    }

    /** Waits for a {@link #sendAsync} answer, the IPMI failure unwrapped: for modules that ask several at once. */
    static <T> T await(CompletableFuture<T> f) throws IpmiException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause() instanceof CompletionException ce ? ce.getCause() : e.getCause();
            if (c instanceof IpmiException ie) {
                throw ie;
            }
            throw new IllegalStateException("unexpected failure in the IPMI engine", c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the BMC", e);
        }
    }
}
