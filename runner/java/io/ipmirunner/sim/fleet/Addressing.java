package io.ipmirunner.sim.fleet;

import io.ipmirunner.inventory.HostRange;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Where the BMCs of a fleet listen: one port each on one address ({@code --bind 127.0.0.1 --base-port P},
 * P..P+N-1; base port 0 gives each an ephemeral port), or one address each on a common port
 * ({@code --addresses 127.0.1.[1:100] --port 623}; Linux routes all of 127/8 to loopback).
 */
public sealed interface Addressing {
    /** The bind address of BMC {@code i} (0-based). */
    InetSocketAddress of(int i);

    /** How many BMCs the addressing can place; {@link Integer#MAX_VALUE} for a port range. */
    int capacity();

    /** A short description for the ready line, e.g. {@code 127.0.0.1:9001-9100}. */
    String describe(int count);

    record BasePort(String host, int basePort) implements Addressing {
        public BasePort {
            if (basePort < 0 || basePort > 65535) {
                throw new IllegalArgumentException("base port " + basePort + " is not a UDP port");
            }
        }

        @Override
        public InetSocketAddress of(int i) {
            return new InetSocketAddress(host, basePort == 0 ? 0 : basePort + i);
        }

        @Override
        public int capacity() {
            return basePort == 0 ? Integer.MAX_VALUE : 65536 - basePort;
        }

        @Override
        public String describe(int count) {
            if (basePort == 0) {
                return host + " (ephemeral ports)";
            }
            return count == 1 ? host + ":" + basePort : host + ":" + basePort + "-" + (basePort + count - 1);
        }
    }

    record AddressList(List<String> hosts, int port) implements Addressing {
        public AddressList {
            hosts = List.copyOf(hosts);
        }

        /** Expands an Ansible-style range such as {@code 127.0.1.[1:100]} (comma-separated ranges allowed). */
        public static AddressList parse(String pattern, int port) {
            List<String> all = new java.util.ArrayList<>();
            for (String part : pattern.split(",")) {
                all.addAll(HostRange.expand(part.trim()));
            }
            return new AddressList(all, port);
        }

        @Override
        public InetSocketAddress of(int i) {
            return new InetSocketAddress(hosts.get(i), port);
        }

        @Override
        public int capacity() {
            return hosts.size();
        }

        @Override
        public String describe(int count) {
            String range = count == 1 ? hosts.get(0) : hosts.get(0) + "-" + hosts.get(count - 1);
            return range + ":" + port;
        }
    }
}
