package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.session.SessionConfig;
import java.net.InetSocketAddress;

/** A BMC to talk to: the name an operator knows it by, where it listens, and how to log in. */
public record BmcTarget(String name, InetSocketAddress address, SessionConfig config) {
    /** Sessions are shared between operations that would log in identically to the same BMC. */
    record Key(InetSocketAddress address, String username, int privilege, int suite, Object version) {}

    Key key() {
        return new Key(address, config.username(), config.privilege().code(), config.cipherSuite().orElse(-1),
                config.version());
    }
}
