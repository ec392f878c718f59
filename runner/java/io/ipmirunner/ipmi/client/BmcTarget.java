package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.session.SessionConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * A BMC to talk to: the name an operator knows it by, where it listens, how to log in, its own time for
 * each exchange (the inventory's {@code ipmi_timeout}; empty: the client's), and the least time between two
 * commands sent to it (the inventory's {@code ipmi_min_command_interval}; zero: none).
 */
public record BmcTarget(String name, InetSocketAddress address, SessionConfig config, Optional<Duration> timeout,
                        Duration minCommandInterval) {
    public BmcTarget(String name, InetSocketAddress address, SessionConfig config) {
        this(name, address, config, Optional.empty(), Duration.ZERO);
    }

    public BmcTarget withTimeout(Duration t) {
        return new BmcTarget(name, address, config, Optional.of(t), minCommandInterval);
    }

    /** The same BMC logged into otherwise; its timing stays. */
    public BmcTarget withConfig(SessionConfig c) {
        return new BmcTarget(name, address, c, timeout, minCommandInterval);
    }

    /** The same BMC at another UDP port of its address (a payload served on a port of its own, §24.1). */
    public BmcTarget withPort(int port) {
        return new BmcTarget(name, new InetSocketAddress(address.getAddress(), port), config, timeout,
                minCommandInterval);
    }

    public BmcTarget withMinCommandInterval(Duration d) {
        return new BmcTarget(name, address, config, timeout, d);
    }

    /** The engine's timing for this BMC: the client's, with this BMC's exchange timeout if it has one. */
    Timing timing(Timing clientDefault) {
        return timeout.map(t -> clientDefault.withTimeoutMillis(Math.max(1, t.toMillis()))).orElse(clientDefault);
    }

    /**
     * Sessions are shared between operations that would log in identically to the same BMC: the whole
     * {@link SessionConfig}, credentials included, so a host whose password is wrong fails its own login
     * instead of riding on a session another host's password opened. {@link io.ipmirunner.secret.Secret}
     * compares its bytes in constant time and prints as a mask, so the key holds no printable secret.
     */
    record Key(InetSocketAddress address, SessionConfig config) {}

    Key key() {
        return new Key(address, config);
    }
}
