package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.CommandSpec;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;

/**
 * A handle on a session to one BMC through the engine. {@code send} blocks (cheap on a virtual thread) and
 * {@code sendAsync} returns a future; both fail with an {@link IpmiException}. Close the handle when done:
 * the session closes when its last handle does.
 */
public final class BmcSession implements Bmc {
    private final IpmiClient client;
    private final SessionDriver driver;
    private boolean closed;

    BmcSession(IpmiClient client, SessionDriver driver) {
        this.client = client;
        this.driver = driver;
    }

    @Override
    public String host() {
        return driver.target().name();
    }

    @Override
    public CompletableFuture<IpmiResponse> rawAsync(String name, int netFn, int cmd, byte[] data) {
        Operation op = new Operation(name, netFn, cmd, data);
        return submit(op).thenApply(r -> {
            if (r == null) {
                // Arrived, reply lost: a caller that needs the reply cannot go on, and must not send it again.
                throw new CompletionException(IpmiException.Timeout.replyLost(host(), name,
                        op.waitedMillis(System.nanoTime()), op.attempts()));
            }
            return r;
        });
    }

    @Override
    public CompletableFuture<Delivery> deliverAsync(String name, int netFn, int cmd, byte[] data) {
        Operation op = new Operation(name, netFn, cmd, data);
        return submit(op).thenApply(r -> r == null ? new Delivery.ArrivedUnanswered(op.duplicatePossible)
                : new Delivery.Answered(r, op.duplicatePossible));
    }

    @Override
    public <Q extends WireMessage> void sendLast(CommandSpec<Q, ?> spec, Q request) throws IpmiException {
        Bmc.await(submit(new Operation(spec.name(), spec.netFn(), spec.cmd(), request.toBytes(), true)));
    }

    private CompletableFuture<IpmiResponse> submit(Operation op) {
        if (closed) {
            throw new IllegalStateException("session handle closed");
        }
        if (client.isClosing()) {
            op.result.completeExceptionally(new IpmiException.ProtocolError(host(), Phase.COMMAND,
                    "the IPMI engine is shut down"));
            return op.result;
        }
        client.execute(() -> driver.submit(op));
        return op.result;
    }

    @Override
    public BmcSession loginWith(UnaryOperator<SessionConfig> adjust) {
        BmcTarget t = driver.target();
        return client.openUnshared(t.withConfig(adjust.apply(t.config())));
    }

    @Override
    public Optional<ChannelAuthCapabilities.Response> loginCapabilities() {
        CompletableFuture<Optional<ChannelAuthCapabilities.Response>> f =
                new CompletableFuture<>();
        client.execute(() -> f.complete(driver.loginCapabilities()));
        return f.join();
    }

    @Override
    public TimeSource time() {
        return TimeSource.SYSTEM;
    }

    /** How the session was set up (protocol version, cipher suite): for verbose output. */
    public String describe() {
        CompletableFuture<String> f = new CompletableFuture<>();
        client.execute(() -> f.complete(driver.describe()));
        return f.join();
    }

    /** For a SOL console, which runs on this session's driver and the engine's loop. */
    SessionDriver driver() {
        return driver;
    }

    IpmiClient client() {
        return client;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            client.execute(driver::release);
        }
    }
}
