package io.ipmirunner.modules;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.IpmiSimPeer;
import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Secret;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs a module against ipmi_sim over our own client; suite 3 because ipmi_sim never lists its suites. */
final class IpmiSimModules {
    private IpmiSimModules() {}

    /** The module once on the class's ipmi_sim, through the class's client. */
    static <A> ModuleResult run(IpmiSimPeer peer, Module<A> module, Map<String, String> args) throws Exception {
        return run(peer.client(), peer.bmc(), module, args);
    }

    static <A> ModuleResult run(IpmiClient client, IpmiSim bmc, Module<A> module, Map<String, String> args)
            throws Exception {
        try (BmcSession s = open(client, bmc)) {
            A validated = module.validate(args);
            if (module instanceof HostBoundModule<A> bound) {
                validated = bound.bind(validated, Map.of());
            }
            return module.run(s, validated);
        }
    }

    /** "Key : Value" lines as printed by ipmitool and FreeIPMI, first occurrence of each key kept. */
    static Map<String, String> keyValues(String output) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : output.lines().toList()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                m.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return m;
    }

    /** A session to the ipmi_sim as its administrator, cipher suite 3. */
    static BmcSession open(IpmiClient client, IpmiSim bmc) {
        SessionConfig c = SessionConfig.of(bmc.username(), Secret.of(bmc.password(), "test")).withCipherSuite(3);
        return client.open(new BmcTarget("ipmi_sim", new InetSocketAddress(bmc.host(), bmc.port()), c));
    }
}
