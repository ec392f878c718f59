package io.ipmirunner.sim;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.client.TimeSource;
import io.ipmirunner.ipmi.command.CommandSpec;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.ipmi.wire.CompletionCode;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.sim.cmd.Answer;
import io.ipmirunner.sim.cmd.CommandContext;
import io.ipmirunner.sim.cmd.CommandTable;
import io.ipmirunner.sim.fault.FaultProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * One host's {@link Bmc} straight onto a simulated BMC's command handlers, on the test's time: no LAN, no
 * session, no engine, so a module that waits for power or a reset runs in no wall time. A resetting BMC's
 * requests time out at once (the engine would first wait out its own timeout; the module's polling is what
 * a test watches).
 */
public final class FakeBmc implements Bmc {
    private static final BmcProfile PROFILE = SimHarness.profile(BmcSettings.DEFAULTS, FaultProfile.NONE);
    /** The BMC's own address and the remote console's software ID (IPMI v2.0 §5.5), as a reply carries them. */
    private static final int BMC_ADDRESS = 0x20;
    private static final int REMOTE_CONSOLE = 0x81;

    private final String host;
    private final TimeSource time;
    private final SimulatedBmc simulated;
    private final List<String> sent = new ArrayList<>();

    public FakeBmc(String host, TimeSource time) {
        this.host = host;
        this.time = time;
        this.simulated = new SimulatedBmc(0, 42, PROFILE, time.now().toEpochMilli());
    }

    /** The simulated BMC behind: to set up or look at its state. */
    public SimulatedBmc simulated() {
        return simulated;
    }

    @Override
    public String host() {
        return host;
    }

    /** The names of the commands sent so far, oldest first: what a module decided to send. */
    public List<String> sent() {
        return List.copyOf(sent);
    }

    @Override
    public CompletableFuture<IpmiResponse> rawAsync(String name, int netFn, int cmd, byte[] data) {
        long now = time.now().toEpochMilli();
        sent.add(name);
        simulated.advance(now);
        if (simulated.silent(now)) {
            return CompletableFuture.failedFuture(new IpmiException.Timeout(host, Phase.COMMAND, 0, 1));
        }
        Answer a = CommandTable.find(netFn, cmd).map(e -> e.run(new CommandContext(simulated, now, 1, null, 623), data))
                .orElse(Answer.INVALID_COMMAND);
        return CompletableFuture.completedFuture(new IpmiResponse(REMOTE_CONSOLE, netFn | 1, 0, BMC_ADDRESS, 0, 0,
                cmd, CompletionCode.of(a.completionCode()), a.data()));
    }

    /** Delivered, the answer dropped: what the engine does with a reset's last request. */
    @Override
    public <Q extends WireMessage> void sendLast(CommandSpec<Q, ?> spec, Q request) {
        rawAsync(spec.name(), spec.netFn(), spec.cmd(), request.toBytes());
    }

    @Override
    public Bmc loginWith(UnaryOperator<SessionConfig> adjust) {
        throw new UnsupportedOperationException("a fake BMC has no logins of its own");
    }

    @Override
    public Optional<ChannelAuthCapabilities.Response> loginCapabilities() {
        return Optional.empty();
    }

    @Override
    public TimeSource time() {
        return time;
    }

    @Override
    public void close() {
    }
}
