package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.session.SessionConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * A BMC to talk to: the name an operator knows it by, where it listens, how to log in, and its own time
 * for each exchange (the inventory's {@code ipmi_timeout}; empty: the client's).
 */
public record BmcTarget(String name, InetSocketAddress address, SessionConfig config, Optional<Duration> timeout) {
    public BmcTarget(String name, InetSocketAddress address, SessionConfig config) {
        this(name, address, config, Optional.empty());
    }

    public BmcTarget withTimeout(Duration t) {
        return new BmcTarget(name, address, config, Optional.of(t));
    }

    /** The engine's timing for this BMC: the client's, with this BMC's exchange timeout if it has one. */
    Timing timing(Timing clientDefault) {
        return timeout.map(t -> clientDefault.withTimeoutMillis(Math.max(1, t.toMillis()))).orElse(clientDefault);
    }

    /** Sessions are shared between operations that would log in identically to the same BMC. */
    record Key(InetSocketAddress address, String username, int privilege, int suite, Object version) {}

    Key key() {
        return new Key(address, config.username(), config.privilege().code(), config.cipherSuite().orElse(-1),
                config.version());
    }
}
