package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.CompletionCode;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The first exchange of every login: Get Channel Authentication Capabilities (IPMI v2.0 §22.13), which
 * tells whether the BMC speaks RMCP+, which v1.5 auth types it allows and whether K_g is set. Then it hands
 * over to the RMCP+ or the v1.5 login ({@link Step.Handover}): the driver talks to that one from then on. A v1.5-only BMC may reject the "v2.0 data" bit with 0xCC, so the
 * request is repeated without it, as ipmitool does.
 */
public final class DiscoveryLogin implements Login {
    private final String host;
    private final SessionConfig config;
    private final SecureRandom random;
    private boolean askV20 = true;
    private ChannelAuthCapabilities.Response capabilities;

    public DiscoveryLogin(String host, SessionConfig config, SecureRandom random) {
        this.host = host;
        this.config = config;
        this.random = random;
    }

    @Override
    public Step start() {
        return new Step.Send(request());
    }

    private byte[] request() {
        var req = new ChannelAuthCapabilities.Request(ChannelAuthCapabilities.CURRENT_CHANNEL,
                askV20 && config.version() != IpmiVersion.V15, config.privilege().code());
        return PreSession.v15(Commands.GET_CHANNEL_AUTH_CAPABILITIES, req, 0);
    }

    @Override
    public Step onPacket(LanPacket packet) {
        IpmiResponse r = PreSession.response(packet, Commands.GET_CHANNEL_AUTH_CAPABILITIES, 0);
        if (r == null) {
            return new Step.Wait("not an authentication capabilities reply");
        }
        if (r.completionCode().equals(CompletionCode.INVALID_DATA_FIELD) && askV20) {
            askV20 = false;
            return new Step.Send(request());
        }
        if (!r.completionCode().isOk()) {
            if (r.completionCode().isTransient()) {
                return new Step.SendLater(request(), 500);
            }
            return fail(new IpmiException.CompletionCodeError(host, Phase.DISCOVERY,
                    Commands.GET_CHANNEL_AUTH_CAPABILITIES.name(), r.completionCode()));
        }
        ChannelAuthCapabilities.Response caps;
        try {
            caps = ChannelAuthCapabilities.Response.decode(new ByteReader(r.data()));
        } catch (MalformedPacketException e) {
            return fail(new IpmiException.ProtocolError(host, Phase.DISCOVERY, e.getMessage()));
        }
        capabilities = caps;
        boolean v20 = switch (config.version()) {
            case V20 -> true;
            case V15 -> false;
            case AUTO -> caps.supportsV20();
        };
        if (v20 && config.version() == IpmiVersion.V20 && askV20 && !caps.supportsV20()) {
            return fail(new IpmiException.ProtocolError(host, Phase.DISCOVERY,
                    "the BMC does not offer IPMI v2.0 (RMCP+); try ipmi_version 1.5"));
        }
        return new Step.Handover(v20 ? new RmcpPlusLogin(host, config, random)
                : new V15Login(host, config, caps, random));
    }

    /**
     * The BMC's answer to the login's Get Channel Authentication Capabilities, once received: the only copy
     * an audit gets from BMCs that refuse the command inside a session (ipmi_sim answers 0xD5 there).
     */
    public Optional<ChannelAuthCapabilities.Response> capabilities() {
        return Optional.ofNullable(capabilities);
    }

    @Override
    public Step onTimeout() {
        return new Step.Send(request());
    }

    @Override
    public Step onDeadline(long waitedMillis, int attempts, boolean heard) {
        IpmiException e = heard ? new IpmiException.Timeout(host, Phase.DISCOVERY, waitedMillis, attempts)
                : new IpmiException.Unreachable(host, Phase.DISCOVERY, waitedMillis);
        return fail(e);
    }

    @Override
    public Awaiting awaiting() {
        return Awaiting.AUTH_CAPABILITIES;
    }

    private static Step fail(IpmiException e) {
        return new Step.Failed(e, null);
    }
}
